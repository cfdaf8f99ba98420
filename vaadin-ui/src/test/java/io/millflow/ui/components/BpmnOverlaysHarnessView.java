package io.millflow.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.app.support.WorkbenchModels;
import io.millflow.ui.components.BpmnViewer.Badge;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test sources only: a {@link BpmnViewer} with badges and a heat colouring on the test model of
 * {@link WorkbenchModels}, for {@code BpmnOverlaysBrowserTest}. Buttons change the overlays the way the runtime
 * pages do (new counts, none, heat only, another diagram).
 */
@Route("test/bpmn-overlays")
@PageTitle("BPMN overlays harness")
@PermitAll
public class BpmnOverlaysHarnessView extends VerticalLayout {

    static Map<String, Badge> badges() {
        Map<String, Badge> badges = new LinkedHashMap<>();
        badges.put("Approve", new Badge(2, 0));
        badges.put("Sync", new Badge(1, 1));
        badges.put("Review#multiInstanceBody", new Badge(3, 0));
        badges.put("Start", new Badge(0, 0));
        badges.put("NotInTheDiagram", new Badge(5, 5));
        return badges;
    }

    public BpmnOverlaysHarnessView() {
        setWidthFull();
        BpmnViewer viewer = new BpmnViewer();
        viewer.setId("overlay-viewer");
        viewer.setWidthFull();
        viewer.setHeight("400px");
        viewer.show(WorkbenchModels.opsProcess("wb-test-harness", 1), List.of("Approve"));
        viewer.setBadges(badges());
        Map<String, Double> heat = new LinkedHashMap<>();
        heat.put("Approve", 0.0);
        heat.put("Sync", 1.0);
        heat.put("Review", 7.5);
        heat.put("NotInTheDiagram", 0.5);
        viewer.setHeat(heat, Map.of("Approve", "⌀ 5 min", "Sync", "⌀ 2 h"));

        Button recount = new Button("Recount", e -> viewer.setBadges(Map.of("Sync", new Badge(0, 4))));
        recount.setId("overlay-recount");
        Button noBadges = new Button("No badges", e -> viewer.setBadges(null));
        noBadges.setId("overlay-no-badges");
        Button noHeat = new Button("No heat", e -> viewer.setHeat(null, null));
        noHeat.setId("overlay-no-heat");
        Button other = new Button("Version 2", e -> viewer.show(WorkbenchModels.opsProcess("wb-test-harness", 2), List.of()));
        other.setId("overlay-other-diagram");
        add(new HorizontalLayout(recount, noBadges, noHeat, other), viewer);
    }
}
