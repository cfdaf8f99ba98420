package io.millflow.app.support;

import io.millflow.pms.DepartmentCommand;
import io.millflow.pms.Departments;
import io.millflow.pms.DependencyCommand;
import io.millflow.pms.DependencyKind;
import io.millflow.pms.MemberCommand;
import io.millflow.pms.ProjectCommand;
import io.millflow.pms.ProjectRole;
import io.millflow.pms.Projects;
import io.millflow.pms.TaskCommand;
import io.millflow.pms.TaskPriority;
import io.millflow.pms.TaskStatus;
import io.millflow.pms.TaskView;
import io.millflow.pms.Tasks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Projects made through the pms services, as the demo users would make them. */
public final class ProjectData {

    private final Departments departments;
    private final Projects projects;
    private final Tasks tasks;

    public ProjectData(ApplicationContext context) {
        this.departments = context.getBean(Departments.class);
        this.projects = context.getBean(Projects.class);
        this.tasks = context.getBean(Tasks.class);
    }

    /** Runs {@code work} signed in as {@code username} with {@code role}. */
    public static <T> T as(String username, String role, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public Tasks tasks() {
        return tasks;
    }

    public Projects projects() {
        return projects;
    }

    /**
     * A project run by {@code manager} with {@code members}: T1 (today … +2) → FS → T2 (+3 … +4), T3 (today …
     * +1) on its own; all TODO.
     */
    public record Fixture(UUID projectId, String code, UUID t1, UUID t2, UUID t3) {
    }

    public Fixture project(List<MemberCommand> members) {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        LocalDate today = LocalDate.now();
        UUID dept = as("admin", "ADMIN", () -> departments.create(new DepartmentCommand("D" + suffix, "Dept " + suffix,
                null)).id());
        return as("manager", "MANAGER", () -> {
            UUID p = projects.create(new ProjectCommand("P-" + suffix, "Project " + suffix, "A test project", dept,
                    List.of(), "manager", today, today.plusDays(30), new BigDecimal("5000"), "EUR", null,
                    members)).id();
            UUID t1 = task(p, "Design " + suffix, today, today.plusDays(2));
            UUID t2 = task(p, "Build " + suffix, today.plusDays(3), today.plusDays(4));
            UUID t3 = task(p, "Order " + suffix, today, today.plusDays(1));
            tasks.addDependency(p, new DependencyCommand(t1, t2, DependencyKind.FS, 0));
            return new Fixture(p, "P-" + suffix, t1, t2, t3);
        });
    }

    public Fixture project() {
        return project(List.of(new MemberCommand("employee", ProjectRole.MEMBER),
                new MemberCommand("finance", ProjectRole.VIEWER)));
    }

    private UUID task(UUID projectId, String name, LocalDate start, LocalDate end) {
        return tasks.create(projectId, new TaskCommand(null, name, null, TaskStatus.TODO, TaskPriority.NORMAL, false,
                start, end, null, new BigDecimal("8"), null, Set.of(), false)).id();
    }

    public TaskView task(UUID taskId) {
        return as("manager", "MANAGER", () -> tasks.get(taskId));
    }
}
