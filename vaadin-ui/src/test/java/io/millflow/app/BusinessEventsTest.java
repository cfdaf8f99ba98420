package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.ims.StockPostings;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.pms.DepartmentView;
import io.millflow.pms.Departments;
import io.millflow.pms.ProjectCommand;
import io.millflow.pms.ProjectStatus;
import io.millflow.pms.ProjectView;
import io.millflow.pms.Projects;
import io.millflow.pms.TaskCommand;
import io.millflow.pms.TaskStatus;
import io.millflow.pms.TaskView;
import io.millflow.pms.Tasks;
import io.millflow.procurement.NewRequisition;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.shared.events.BusinessEvent;
import io.millflow.shared.events.EventTypes;
import io.millflow.shared.inbox.Inbox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The business events other capabilities and webhooks hear: published by stock, purchasing, projects and the engine
 * in the transaction of the change, with the documented data, once per change.
 */
@AppTest
@RecordApplicationEvents
class BusinessEventsTest {

    @Autowired
    Projects projects;
    @Autowired
    Tasks tasks;
    @Autowired
    Departments departments;
    @Autowired
    PurchaseRequisitions requisitions;
    @Autowired
    Inbox inbox;
    @Autowired
    TaskService engineTasks;
    @Autowired
    StockPostings postings;
    @Autowired
    ApplicationEvents published;
    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    List<BusinessEvent> events(String type, String subjectId) {
        return published.stream(BusinessEvent.class)
                .filter(e -> e.type().equals(type) && e.subjectId().equals(subjectId)).toList();
    }

    @Test
    void projectsAndTasksAnnounceCreationAssignmentStatusAndDates() {
        signIn("manager", "MANAGER");
        DepartmentView eng = departments.byCode("ENG").orElseThrow();
        LocalDate start = LocalDate.of(2026, 4, 6);
        ProjectView p = projects.create(new ProjectCommand("BE" + UUID.randomUUID().toString().substring(0, 6)
                .toUpperCase(), "Events", null, eng.id(), List.of(), "manager", start, start.plusDays(30),
                BigDecimal.ZERO, "EUR", null, List.of()));
        BusinessEvent created = events(EventTypes.PROJECT_CREATED, p.id().toString()).get(0);
        assertThat(created.actor()).isEqualTo("manager");
        assertThat(created.data()).containsEntry("code", p.code()).containsEntry("manager", "manager");

        TaskView t = tasks.create(p.id(), new TaskCommand(null, "Gate review", null, null, null, true,
                LocalDate.of(2026, 4, 10), null, null, null, "employee", null, null));
        String id = t.id().toString();
        assertThat(events(EventTypes.TASK_CREATED, id)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("milestone", true)
                        .containsEntry("startDate", "2026-04-10").containsEntry("projectCode", p.code()));
        assertThat(events(EventTypes.TASK_ASSIGNED, id)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("assignee", "employee")
                        .containsEntry("previousAssignee", null));

        tasks.update(t.id(), new TaskCommand(null, null, null, null, null, null, null, null, null, null, "manager",
                null, null));
        assertThat(events(EventTypes.TASK_ASSIGNED, id)).hasSize(2).last()
                .satisfies(e -> assertThat(e.data()).containsEntry("assignee", "manager")
                        .containsEntry("previousAssignee", "employee"));

        tasks.reschedule(t.id(), LocalDate.of(2026, 4, 14), null);
        assertThat(events(EventTypes.TASK_RESCHEDULED, id)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("startDate", "2026-04-14")
                        .containsEntry("previousStartDate", "2026-04-10"));

        tasks.move(t.id(), TaskStatus.IN_PROGRESS, 0);
        assertThat(events(EventTypes.TASK_STATUS_CHANGED, id)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("from", "TODO").containsEntry("to", "IN_PROGRESS"));
        tasks.move(t.id(), TaskStatus.IN_PROGRESS, 0); // same column: no event
        assertThat(events(EventTypes.TASK_STATUS_CHANGED, id)).hasSize(1);

        projects.changeStatus(p.id(), ProjectStatus.ON_HOLD);
        assertThat(events(EventTypes.PROJECT_STATUS_CHANGED, p.id().toString())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("from", "ACTIVE").containsEntry("to", "ON_HOLD"));
    }

    @Test
    void aRequisitionAnnouncesItsSubmissionTheProcessAndTheApprovalTask() {
        signIn("employee", "EMPLOYEE");
        var req = requisitions.submit(new NewRequisition("Hex bolts M8", new BigDecimal("100"), new BigDecimal("0.40"),
                "EUR", LocalDate.now().plusDays(14), "Line 2 maintenance", "CC-100"));
        assertThat(events(EventTypes.REQUISITION_SUBMITTED, req.id().toString())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("requester", "employee"));
        BusinessEvent started = published.stream(BusinessEvent.class)
                .filter(e -> e.type().equals(EventTypes.PROCESS_STARTED)
                        && req.id().toString().equals(e.data().get("businessKey")))
                .findFirst().orElseThrow();
        String instance = started.subjectId();
        assertThat(started.data()).containsEntry("processDefinitionKey", "purchase-requisition");

        Task approval = engineTasks.createTaskQuery().processInstanceId(instance).singleResult();
        BusinessEvent taskCreated = events(EventTypes.USER_TASK_CREATED, approval.getId()).get(0);
        assertThat(taskCreated.data()).containsEntry("approval", true)
                .containsEntry("processDefinitionKey", "purchase-requisition")
                .containsEntry("businessKey", req.id().toString());
        assertThat((List<?>) taskCreated.data().get("candidateGroups")).isNotEmpty();
        assertThat(events(EventTypes.USER_TASK_ASSIGNED, approval.getId())).isEmpty();

        signIn("manager", "MANAGER");
        inbox.claim(approval.getId());
        assertThat(events(EventTypes.USER_TASK_ASSIGNED, approval.getId())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("assignee", "manager")
                        .containsEntry("previousAssignee", null));
    }

    @Test
    void aStockPostingAnnouncesItsLines() {
        Api api = new Api(port);
        Inventory inv = new Inventory(api, port);
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        signIn("warehouse", "WAREHOUSE");
        var posted = postings.post(new PostingCommand("501", null, "BE-1", "opening", List.of(new PostingLine(
                UUID.fromString(item), new BigDecimal("7"), null, null, UUID.fromString(wh.bins().get(0)), null, null,
                null, new BigDecimal("2.50"), null))), null);
        BusinessEvent e = events(EventTypes.STOCK_POSTED, posted.document().id().toString()).get(0);
        assertThat(e.data()).containsEntry("documentNumber", posted.document().number())
                .containsEntry("movementType", "501").containsEntry("lineCount", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) e.data().get("lines")).get(0);
        assertThat(line).containsEntry("itemId", item).containsEntry("toLocationId", wh.bins().get(0));
        assertThat(new BigDecimal(line.get("quantity").toString())).isEqualByComparingTo("7");
    }
}
