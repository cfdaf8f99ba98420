package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.app.support.AppTest;
import io.millflow.pms.DepartmentView;
import io.millflow.pms.Departments;
import io.millflow.pms.ProjectCommand;
import io.millflow.pms.ProjectEvents;
import io.millflow.pms.ProjectView;
import io.millflow.pms.Projects;
import io.millflow.pms.TaskCommand;
import io.millflow.pms.TaskCompletionRequested;
import io.millflow.pms.TaskStatus;
import io.millflow.pms.TaskView;
import io.millflow.pms.Tasks;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Project changes are announced to every node (NOTIFY on millflow_pms, delivered on commit, not for refused
 * changes); moving a task that needs approval to DONE publishes TaskCompletionRequested, and the decision finishes
 * or reopens it; the intake worker's project creation is idempotent and leaves the project PROPOSED.
 */
@AppTest
@RecordApplicationEvents
class ProjectEventsTest {

    @Autowired
    Projects projects;
    @Autowired
    Tasks tasks;
    @Autowired
    Departments departments;
    @Autowired
    ProjectEvents events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents published;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    ProjectView project() {
        DepartmentView eng = departments.byCode("ENG").orElseThrow();
        LocalDate start = LocalDate.of(2026, 4, 6);
        return projects.create(new ProjectCommand("EV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "Events", null, eng.id(), List.of(), "manager", start, start.plusDays(30), BigDecimal.ZERO, "EUR",
                null, List.of()));
    }

    static TaskCommand task(String name, boolean needsApproval) {
        return new TaskCommand(null, name, null, null, null, null, null, null, null, null, null, null, needsApproval);
    }

    @Test
    void committedChangesAreAnnouncedAndRefusedOnesAreNot() throws Exception {
        signIn("manager", "MANAGER");
        ProjectView p = project();
        LinkedBlockingQueue<ProjectEvents.ProjectChange> received = new LinkedBlockingQueue<>();
        Runnable unsubscribe = events.subscribe(c -> {
            if (p.id().equals(c.projectId())) {
                received.add(c);
            }
        });
        try {
            TaskView t = tasks.create(p.id(), task("Announced", false));
            ProjectEvents.ProjectChange change = nextTaskChange(received, 2000);
            assertThat(change).isNotNull();
            assertThat(change.taskId()).isEqualTo(t.id());
            assertThat(change.actor()).isEqualTo("manager");

            assertThatThrownBy(() -> tasks.create(p.id(), new TaskCommand(null, "Backwards", null, null, null, null,
                    LocalDate.of(2026, 4, 9), LocalDate.of(2026, 4, 8), null, null, null, null, null)))
                    .isInstanceOfSatisfying(ProblemException.InvalidInput.class,
                            e -> assertThat(e.field()).isEqualTo("endDate"));
            assertThat(nextTaskChange(received, 700)).isNull();
        } finally {
            unsubscribe.run();
        }
    }

    /** The next TASK change (the PROJECT change of the creation may arrive first), or null after the timeout. */
    static ProjectEvents.ProjectChange nextTaskChange(LinkedBlockingQueue<ProjectEvents.ProjectChange> queue,
            long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0; left = end - System.currentTimeMillis()) {
            ProjectEvents.ProjectChange c = queue.poll(left, TimeUnit.MILLISECONDS);
            if (c != null && ProjectEvents.TASK.equals(c.kind())) {
                return c;
            }
        }
        return null;
    }

    @Test
    void aTaskThatNeedsApprovalWaitsForTheDecision() {
        signIn("manager", "MANAGER");
        ProjectView p = project();
        TaskView t = tasks.create(p.id(), task("Check me", true));

        TaskView review = tasks.move(t.id(), TaskStatus.DONE, 0);
        assertThat(review.status()).isEqualTo(TaskStatus.IN_REVIEW);
        assertThat(review.approvalState()).isEqualTo("PENDING");
        assertThat(published.stream(TaskCompletionRequested.class).filter(e -> e.taskId().equals(t.id())))
                .hasSize(1);

        TaskView rejected = tasks.decideApproval(t.id(), false, "Tolerances missing", "manager");
        assertThat(rejected.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(rejected.approvalState()).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select body from task_comment where task_id = ?", String.class, t.id()))
                .contains("Tolerances missing");

        tasks.move(t.id(), TaskStatus.DONE, 0);
        TaskView approved = tasks.decideApproval(t.id(), true, null, "manager");
        assertThat(approved.status()).isEqualTo(TaskStatus.DONE);
        assertThat(approved.approvalState()).isEqualTo("APPROVED");
        assertThat(published.stream(TaskCompletionRequested.class).filter(e -> e.taskId().equals(t.id())))
                .hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_id = ? and action in "
                + "('TASK_APPROVED', 'TASK_REJECTED')", Long.class, t.id().toString())).isEqualTo(2);
        assertThat(tasks.history(t.id())).extracting(h -> h.field()).contains("approvalState", "status");
    }

    @Test
    void theIntakeCreatesAProposedProjectFromTheTemplateOnceWithoutASignedInUser() {
        SecurityContextHolder.clearContext();
        DepartmentView eng = departments.byCode("ENG").orElseThrow();
        LocalDate start = LocalDate.of(2026, 5, 4);
        ProjectCommand request = new ProjectCommand("IN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "From intake", null, eng.id(), List.of(), "manager", start, start.plusDays(60), BigDecimal.TEN, "EUR",
                "PRODUCT-INTRO", List.of());
        ProjectView first = projects.createForIntake(request, "worker");
        ProjectView again = projects.createForIntake(request, "worker");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.status()).isEqualTo(io.millflow.pms.ProjectStatus.PROPOSED);
        assertThat(jdbc.queryForObject("select count(*) from task where project_id = ?", Long.class, first.id()))
                .isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'PROJECT_CREATED' and "
                + "entity_id = ?", Long.class, first.id().toString())).isEqualTo(1);
    }
}
