package io.millflow.ui.workbench;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The header of every process workbench page: the model's key and links to its pages (model, versions,
 * running instances, insight). Pages link by route so that each can be built on its own.
 */
public class ProcessNav extends VerticalLayout {

    /** The workbench pages of one model, in the order of the links. */
    public enum Page {
        MODEL("model", "Model"), VERSIONS("versions", "Versions"), INSTANCES("instances", "Instances"),
        INSIGHT("insight", "Insight");

        private final String path;
        private final String label;

        Page(String path, String label) {
            this.path = path;
            this.label = label;
        }

        /** The route of this page for a model key, e.g. {@code processes/purchase-requisition/model}. */
        public String route(String key) {
            return "processes/" + key + "/" + path;
        }
    }

    public ProcessNav(String key, String name, Page current) {
        setPadding(false);
        setSpacing(false);
        H2 title = new H2(name == null || name.isBlank() ? key : name + " (" + key + ")");
        title.setId("process-title");
        Nav links = new Nav();
        links.setId("process-nav");
        links.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)");
        links.add(new Anchor("processes", "All processes"));
        for (Page page : Page.values()) {
            Anchor link = new Anchor(page.route(key), page.label);
            link.setId("process-nav-" + page.path);
            if (page == current) {
                link.getStyle().set("font-weight", "bold");
                link.getElement().setAttribute("aria-current", "page");
            }
            links.add(link);
        }
        add(title, links);
    }
}
