package io.millflow.ui.projects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;
import io.millflow.ims.ReservationViews.ReservationView;
import io.millflow.ims.Reservations;
import io.millflow.pms.ProjectRequestViews.RequestView;
import io.millflow.pms.ProjectRequests;
import io.millflow.pms.TaskView;
import io.millflow.pms.Tasks;
import io.millflow.pms.material.MaterialRequestViews.LineView;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestView;
import io.millflow.pms.material.MaterialRequests;
import io.millflow.processes.ProcessKeys;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.ui.Problems;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the inbox shows above the decision of a pms task: the project request to approve or kick off, the task whose
 * completion to approve, the material request to pick (items, quantities and the bins that hold them).
 */
public final class ProjectTaskSubjects {

    private static final Set<String> KEYS = Set.of(ProcessKeys.PROJECT_INTAKE, ProcessKeys.TASK_APPROVAL,
            ProcessKeys.PROJECT_MATERIAL_REQUEST);

    private ProjectTaskSubjects() {
    }

    public static boolean handles(String processKey) {
        return KEYS.contains(processKey);
    }

    public static Component of(InboxTask task) {
        Div subject = new Div();
        subject.setId("task-subject");
        subject.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        try {
            UUID key = UUID.fromString(task.businessKey());
            switch (task.processKey()) {
                case ProcessKeys.PROJECT_INTAKE -> {
                    RequestView r = bean(ProjectRequests.class).get(key);
                    subject.add(line(r.number() + " · " + r.code() + " · " + r.name()),
                            line("Department " + r.departmentCode() + " · manager " + r.manager() + " · "
                                    + r.startDate() + " to " + r.endDate() + " · budget " + r.budget() + " "
                                    + r.currency() + (r.templateCode() == null ? "" : " · template " + r.templateCode())),
                            line("Requested by " + r.requestedBy() + " · approvals: " + r.approvals().stream()
                                    .map(a -> a.departmentCode() + " " + a.decision()).collect(Collectors.joining(", "))));
                    if (r.description() != null) {
                        subject.add(line(r.description()));
                    }
                }
                case ProcessKeys.TASK_APPROVAL -> {
                    TaskView t = bean(Tasks.class).get(key);
                    subject.add(line(t.projectCode() + " " + t.key() + " · " + t.name()),
                            line("Assignee " + (t.assignee() == null ? "nobody" : t.assignee()) + " · " + t.startDate()
                                    + " to " + t.endDate()));
                }
                default -> {
                    MaterialRequestView m = bean(MaterialRequests.class).get(key);
                    subject.add(line(m.number() + " · project " + m.projectCode() + " · warehouse " + m.warehouseCode()
                            + " · needed by " + m.neededBy() + " · asked by " + m.requestedBy()));
                    Reservations reservations = bean(Reservations.class);
                    for (LineView l : m.lines()) {
                        String from = l.openReservationIds().stream().map(reservations::get)
                                .flatMap((ReservationView r) -> r.allocations().stream())
                                .map(a -> a.locationCode() + (a.lot() == null ? "" : " lot " + a.lot()) + ": "
                                        + a.quantity().toPlainString())
                                .collect(Collectors.joining(", "));
                        subject.add(line(l.sku() + " " + l.itemName() + " · " + l.quantity().toPlainString() + " "
                                + l.unit() + (from.isEmpty() ? "" : " · pick from " + from)));
                    }
                }
            }
        } catch (RuntimeException e) {
            subject.add(line(Problems.message(e)));
        }
        return subject;
    }

    private static Span line(String text) {
        Span s = new Span(text);
        s.getStyle().set("display", "block");
        return s;
    }

    private static <T> T bean(Class<T> type) {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(type);
    }
}
