package io.millflow.pms;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo project data for the default and dev profiles: departments ENG (head {@code head}), PROD (head {@code head2})
 * and QA; the template PRODUCT-INTRO (nine tasks, two of them milestones, FS and SS dependencies); and project
 * DEMO-1 built from it, managed by {@code manager} with {@code employee} as a member. Runs once: nothing when ENG exists.
 */
@Component
@Profile({"default", "dev"})
@Order(40)
class DemoProjects implements ApplicationRunner {

    static final String TEMPLATE = "PRODUCT-INTRO";
    static final String PROJECT = "DEMO-1";
    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final Departments departments;
    private final ProjectTemplates templates;
    private final Projects projects;
    private final Tasks tasks;
    private final Clock clock;
    private final ZoneId zone;

    DemoProjects(Departments departments, ProjectTemplates templates, Projects projects, Tasks tasks, Clock clock,
            @Value("${millflow.calendar.zone:Europe/Berlin}") String zone) {
        this.departments = departments;
        this.templates = templates;
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (departments.byCode("ENG").isPresent()) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            var system = SecurityContextHolder.createEmptyContext();
            system.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
            SecurityContextHolder.setContext(system);
            create();
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }

    private void create() {
        DepartmentView eng = departments.create(new DepartmentCommand("ENG", "Engineering", "head"), "system");
        DepartmentView prod = departments.create(new DepartmentCommand("PROD", "Production", "head2"), "system");
        DepartmentView qa = departments.create(new DepartmentCommand("QA", "Quality assurance", null), "system");
        templates.create(new TemplateCommand(TEMPLATE, "Product introduction",
                "From concept to launch of a new product: design, prototype, test, tooling, pilot run.",
                List.of(line("Concept and requirements", 0, 5, "24"),
                        line("Design", 5, 10, "80"),
                        line("Test plan", 7, 5, "16"),
                        line("Prototype build", 15, 10, "60"),
                        line("Prototype testing", 25, 7, "40"),
                        milestone("Design freeze", 32),
                        line("Production tooling", 32, 15, "90"),
                        line("Pilot run", 47, 5, "40"),
                        milestone("Market launch", 52)),
                List.of(dep(1, 2, DependencyKind.FS, 0), dep(2, 3, DependencyKind.SS, 2),
                        dep(2, 4, DependencyKind.FS, 0), dep(4, 5, DependencyKind.FS, 0),
                        dep(3, 5, DependencyKind.FS, 0), dep(5, 6, DependencyKind.FS, 0),
                        dep(6, 7, DependencyKind.FS, 0), dep(7, 8, DependencyKind.FS, 0),
                        dep(8, 9, DependencyKind.FS, 0))), "system");
        LocalDate start = LocalDate.now(clock.withZone(zone)).minusDays(10);
        ProjectView p = projects.create(new ProjectCommand(PROJECT, "Compact gearbox G2",
                "Introduce the second-generation compact gearbox.", eng.id(), List.of(prod.id(), qa.id()), "manager",
                start, start.plusDays(60), new BigDecimal("250000.00"), "EUR", TEMPLATE,
                List.of(new MemberCommand("employee", ProjectRole.MEMBER))));
        List<TaskView> list = tasks.list(p.id());
        assign(list.get(0).id(), TaskStatus.DONE);
        assign(list.get(1).id(), TaskStatus.IN_PROGRESS);
        assign(list.get(2).id(), null);
        log.info("Demo project {} with {} tasks created", PROJECT, list.size());
    }

    private void assign(UUID taskId, TaskStatus status) {
        tasks.update(taskId, new TaskCommand(null, null, null, status, null, null, null, null, null, null, "employee",
                Set.of("demo"), null));
    }

    private static TemplateCommand.TaskLine line(String name, int offset, int days, String hours) {
        return new TemplateCommand.TaskLine(name, offset, days, false, new BigDecimal(hours), null, null);
    }

    private static TemplateCommand.TaskLine milestone(String name, int offset) {
        return new TemplateCommand.TaskLine(name, offset, 0, true, null, null, null);
    }

    private static TemplateCommand.DependencyLine dep(int p, int s, DependencyKind kind, int lag) {
        return new TemplateCommand.DependencyLine(p, s, kind, lag);
    }
}
