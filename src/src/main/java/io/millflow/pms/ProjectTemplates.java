package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project templates: a list of tasks (offset and duration in days from the project start, parent by position) and
 * dependencies between them. MANAGER and ADMIN create them; everyone inside the firm reads them.
 */
@Service
public class ProjectTemplates {

    static final String ENTITY = "ProjectTemplate";

    private final ProjectTemplateRepository templates;
    private final TemplateTaskRepository templateTasks;
    private final TemplateDependencyRepository templateDependencies;
    private final AuditService audit;
    private final Clock clock;

    ProjectTemplates(ProjectTemplateRepository templates, TemplateTaskRepository templateTasks,
            TemplateDependencyRepository templateDependencies, AuditService audit, Clock clock) {
        this.templates = templates;
        this.templateTasks = templateTasks;
        this.templateDependencies = templateDependencies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<TemplateView> list() {
        return templates.findAllByOrderByCode().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public TemplateView get(String code) {
        return byCode(code);
    }

    /** No permission check: the intake process reads templates by code. */
    @Transactional(readOnly = true)
    public TemplateView byCode(String code) {
        return templates.findByCode(code == null ? "" : code.strip()).map(this::view)
                .orElseThrow(() -> new ProblemException.NotFound("No project template " + code));
    }

    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return code != null && templates.existsByCode(code.strip());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    public TemplateView create(TemplateCommand c) {
        return create(c, CurrentUser.get().username());
    }

    /** Without a permission check: for demo data and set-up code. */
    @Transactional
    public TemplateView create(TemplateCommand c, String actor) {
        String code = Departments.required("code", c.code(), 40).toUpperCase();
        if (templates.existsByCode(code)) {
            throw new ProblemException.Conflict("A template with code " + code + " exists already");
        }
        List<TemplateCommand.TaskLine> lines = c.tasks() == null ? List.of() : c.tasks();
        if (lines.isEmpty()) {
            throw new ProblemException.InvalidInput("tasks", "a template needs at least one task");
        }
        ProjectTemplate t = templates.saveAndFlush(new ProjectTemplate(code, Departments.required("name", c.name(), 200),
                c.description() == null || c.description().isBlank() ? null : c.description().strip(),
                clock.instant()));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TemplateCommand.TaskLine line = lines.get(i);
            int position = i + 1;
            String field = "tasks[" + i + "]";
            Departments.required(field + ".name", line.name(), 200);
            if (line.offsetDays() < 0) {
                throw new ProblemException.InvalidInput(field + ".offsetDays", "must not be negative");
            }
            if (line.durationDays() < 0 || line.milestone() && line.durationDays() != 0) {
                throw new ProblemException.InvalidInput(field + ".durationDays",
                        "must be zero for a milestone and not negative otherwise");
            }
            if (line.estimateHours() != null && line.estimateHours().signum() < 0) {
                throw new ProblemException.InvalidInput(field + ".estimateHours", "must not be negative");
            }
            UUID parent = null;
            if (line.parent() != null) {
                if (line.parent() < 1 || line.parent() >= position) {
                    throw new ProblemException.InvalidInput(field + ".parent", "must be the position of an earlier task");
                }
                parent = ids.get(line.parent() - 1);
            }
            TemplateTask tt = templateTasks.save(new TemplateTask(t.getId(), position, parent, line.name().strip(),
                    line.offsetDays(), line.durationDays(), line.milestone(), line.estimateHours(),
                    line.projectRole()));
            ids.add(tt.getId());
        }
        templateTasks.flush();
        List<CriticalPath.Edge> edges = new ArrayList<>();
        List<TemplateCommand.DependencyLine> deps = c.dependencies() == null ? List.of() : c.dependencies();
        for (int i = 0; i < deps.size(); i++) {
            TemplateCommand.DependencyLine d = deps.get(i);
            String field = "dependencies[" + i + "]";
            if (d.predecessor() < 1 || d.predecessor() > ids.size() || d.successor() < 1
                    || d.successor() > ids.size() || d.predecessor() == d.successor()) {
                throw new ProblemException.InvalidInput(field, "names no pair of different task positions");
            }
            UUID p = ids.get(d.predecessor() - 1);
            UUID s = ids.get(d.successor() - 1);
            if (CriticalPath.path(s, p, edges).isPresent()) {
                throw new ProblemException.InvalidInput(field, "would create a cycle");
            }
            DependencyKind kind = d.kind() == null ? DependencyKind.FS : d.kind();
            edges.add(new CriticalPath.Edge(p, s, kind, d.lagDays()));
            templateDependencies.save(new TemplateDependency(t.getId(), p, s, kind, d.lagDays()));
        }
        templateDependencies.flush();
        TemplateView view = view(t);
        audit.record(actor, "TEMPLATE_CREATED", ENTITY, t.getId().toString(), null, view);
        return view;
    }

    /** Last day of a template task that starts on {@code start} (before dependencies push it). */
    static LocalDate endOf(LocalDate start, int durationDays, boolean milestone) {
        return milestone ? start : start.plusDays(Math.max(durationDays, 1) - 1);
    }

    private TemplateView view(ProjectTemplate t) {
        List<TemplateTask> tasks = templateTasks.findByTemplateIdOrderByPosition(t.getId());
        Map<UUID, Integer> positions = new HashMap<>();
        tasks.forEach(tt -> positions.put(tt.getId(), tt.getPosition()));
        List<TemplateView.TaskLine> lines = tasks.stream()
                .map(tt -> new TemplateView.TaskLine(tt.getPosition(), tt.getName(), tt.getOffsetDays(),
                        tt.getDurationDays(), tt.isMilestone(), tt.getEstimateHours(),
                        tt.getParentId() == null ? null : positions.get(tt.getParentId()), tt.getProjectRole()))
                .toList();
        List<TemplateView.DependencyLine> deps = templateDependencies.findByTemplateId(t.getId()).stream()
                .map(d -> new TemplateView.DependencyLine(positions.get(d.getPredecessorId()),
                        positions.get(d.getSuccessorId()), d.getKind(), d.getLagDays()))
                .sorted(java.util.Comparator.comparingInt(TemplateView.DependencyLine::successor)
                        .thenComparingInt(TemplateView.DependencyLine::predecessor))
                .toList();
        return new TemplateView(t.getId(), t.getCode(), t.getName(), t.getDescription(), lines, deps);
    }
}
