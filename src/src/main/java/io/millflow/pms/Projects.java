package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects: create (MANAGER, ADMIN; from a template when one is named), read (visible ones only, see
 * {@link ProjectAccess}), change data, status and members (MANAGER, ADMIN, or a member with project role MANAGER).
 */
@Service
public class Projects {

    static final String ENTITY = "Project";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final DepartmentRepository departments;
    private final ProjectTemplateRepository templates;
    private final TaskRepository tasks;
    private final Tasks taskService;
    private final ProjectAccess access;
    private final ProjectEvents events;
    private final UserAccounts users;
    private final AuditService audit;
    private final Clock clock;
    private final BusinessEvents businessEvents;

    Projects(ProjectRepository projects, ProjectMemberRepository members, DepartmentRepository departments,
            ProjectTemplateRepository templates, TaskRepository tasks, Tasks taskService, ProjectAccess access,
            ProjectEvents events, UserAccounts users, AuditService audit, Clock clock, BusinessEvents businessEvents) {
        this.businessEvents = businessEvents;
        this.projects = projects;
        this.members = members;
        this.departments = departments;
        this.templates = templates;
        this.tasks = tasks;
        this.taskService = taskService;
        this.access = access;
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an ACTIVE project; its manager becomes a MANAGER member; tasks come from the template, if named. */
    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    public ProjectView create(ProjectCommand c) {
        String code = code(c.code());
        if (projects.existsByCode(code)) {
            throw new ProblemException.Conflict("A project with code " + code + " exists already");
        }
        return doCreate(c, CurrentUser.get().username(), ProjectStatus.ACTIVE);
    }

    /**
     * For the intake process' worker (no permission check): creates the project PROPOSED (the manager's kick-off
     * activates it); returns the existing project when the code is taken.
     */
    @Transactional
    public ProjectView createForIntake(ProjectCommand c, String actor) {
        String code = code(c.code());
        return projects.findByCode(code).map(this::view)
                .orElseGet(() -> doCreate(c, actor, ProjectStatus.PROPOSED));
    }

    private ProjectView doCreate(ProjectCommand c, String actor, ProjectStatus status) {
        String code = code(c.code());
        ProjectTemplate template = null;
        if (c.templateCode() != null && !c.templateCode().isBlank()) {
            template = templates.findByCode(c.templateCode().strip())
                    .orElseThrow(() -> new ProblemException.InvalidInput("templateCode",
                            "no template " + c.templateCode()));
        }
        Project p = new Project(code, status, template == null ? null : template.getId(), actor,
                clock.instant());
        apply(p, c);
        List<MemberCommand> wanted = c.members() == null ? List.of() : c.members();
        Map<String, ProjectRole> roles = new LinkedHashMap<>();
        roles.put(p.getManager(), ProjectRole.MANAGER);
        for (MemberCommand m : wanted) {
            String username = member(m.username());
            if (!username.equals(p.getManager())) {
                roles.put(username, m.role() == null ? ProjectRole.MEMBER : m.role());
            }
        }
        projects.saveAndFlush(p);
        roles.forEach((u, r) -> members.save(new ProjectMember(p.getId(), u, r, clock.instant())));
        members.flush();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("projectId", p.getId().toString());
        event.put("code", p.getCode());
        event.put("name", p.getName());
        event.put("manager", p.getManager());
        event.put("status", p.getStatus().name());
        event.put("startDate", p.getStartDate() == null ? null : p.getStartDate().toString());
        event.put("endDate", p.getEndDate() == null ? null : p.getEndDate().toString());
        businessEvents.publish(EventTypes.PROJECT_CREATED, "Project", p.getId().toString(), actor, event);
        if (template != null) {
            taskService.createFromTemplate(p.getId(), template.getId(), p.getStartDate(), actor);
        }
        ProjectView view = view(p);
        audit.record(actor, "PROJECT_CREATED", ENTITY, p.getId().toString(), null, view);
        events.changed(p.getId(), ProjectEvents.PROJECT, null, actor);
        return view;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public ProjectView get(UUID id) {
        access.checkRead(id);
        return view(projects.findById(id).orElseThrow(() -> ProjectAccess.notFound(id)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public ProjectView byCode(String code) {
        Project p = projects.findByCode(code == null ? "" : code.strip().toUpperCase())
                .orElseThrow(() -> new ProblemException.NotFound("No project " + code));
        CurrentUser user = CurrentUser.get();
        if (!access.canRead(user.username(), user.roles(), p.getId())) {
            throw new ProblemException.NotFound("No project " + code);
        }
        return view(p);
    }

    /** Visible projects by status and text (code or name), ordered by code. */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public PageView<ProjectSummary> list(ProjectStatus status, String query, int page, int size) {
        CurrentUser user = CurrentUser.get();
        boolean all = ProjectAccess.seesAll(user.roles());
        Specification<Project> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (query != null && !query.isBlank()) {
                String like = "%" + query.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("code")), like), cb.like(cb.lower(root.get("name")), like)));
            }
            if (!all) {
                Subquery<String> member = q.subquery(String.class);
                var m = member.from(ProjectMember.class);
                member.select(m.get("username")).where(cb.equal(m.get("projectId"), root.get("id")),
                        cb.equal(m.get("username"), user.username()));
                where.add(cb.or(cb.equal(root.get("manager"), user.username()), cb.exists(member)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Project> found = projects.findAll(spec, PageView.request(page, size, Sort.by("code")));
        Map<UUID, int[]> counts = new HashMap<>();
        List<UUID> ids = found.getContent().stream().map(Project::getId).toList();
        if (!ids.isEmpty()) {
            for (Object[] row : tasks.counts(ids)) {
                counts.put((UUID) row[0], new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
            }
        }
        Map<UUID, String> codes = departmentCodes();
        return PageView.of(found, p -> {
            int[] n = counts.getOrDefault(p.getId(), new int[2]);
            return new ProjectSummary(p.getId(), p.getCode(), p.getName(), codes.get(p.getDepartmentId()),
                    p.getManager(), p.getStatus(), p.getStartDate(), p.getEndDate(), n[0], n[1]);
        });
    }

    /** Changes a project's data; the code cannot change; template and members of the command are ignored. */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public ProjectView update(UUID id, ProjectCommand c) {
        access.checkManage(id);
        Project p = projects.findById(id).orElseThrow(() -> ProjectAccess.notFound(id));
        if (c.code() != null && !c.code().strip().equalsIgnoreCase(p.getCode())) {
            throw new ProblemException.InvalidInput("code", "cannot change (is " + p.getCode() + ")");
        }
        ProjectView before = view(p);
        apply(p, c);
        projects.flush();
        if (members.findByProjectIdAndUsername(id, p.getManager()).isEmpty()) {
            members.save(new ProjectMember(id, p.getManager(), ProjectRole.MANAGER, clock.instant()));
        }
        ProjectView after = view(p);
        audit.record(CurrentUser.get().username(), "PROJECT_CHANGED", ENTITY, id.toString(), before, after);
        events.changed(id, ProjectEvents.PROJECT, null);
        return after;
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public ProjectView changeStatus(UUID id, ProjectStatus status) {
        access.checkManage(id);
        if (status == null) {
            throw new ProblemException.InvalidInput("status", "is required");
        }
        Project p = projects.findById(id).orElseThrow(() -> ProjectAccess.notFound(id));
        ProjectStatus before = p.getStatus();
        p.changeStatus(status, clock.instant());
        projects.flush();
        audit.record(CurrentUser.get().username(), "PROJECT_STATUS_CHANGED", ENTITY, id.toString(),
                Map.of("status", before), Map.of("status", status));
        events.changed(id, ProjectEvents.PROJECT, null);
        if (before != status) {
            businessEvents.publish(EventTypes.PROJECT_STATUS_CHANGED, "Project", id.toString(),
                    Map.of("projectId", id.toString(), "code", p.getCode(), "from", before.name(), "to", status.name()));
        }
        return view(p);
    }

    /** Adds a member, or changes the role of one. */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public MemberView addMember(UUID projectId, String username, ProjectRole role) {
        access.checkManage(projectId);
        String u = member(username);
        ProjectRole r = role == null ? ProjectRole.MEMBER : role;
        var existing = members.findByProjectIdAndUsername(projectId, u);
        MemberView before = existing.map(ProjectMember::view).orElse(null);
        ProjectMember m = existing.orElseGet(() -> new ProjectMember(projectId, u, r, clock.instant()));
        m.changeRole(r);
        members.saveAndFlush(m);
        audit.record(CurrentUser.get().username(), before == null ? "MEMBER_ADDED" : "MEMBER_CHANGED", ENTITY,
                projectId.toString(), before, m.view());
        events.changed(projectId, ProjectEvents.PROJECT, null);
        return m.view();
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public void removeMember(UUID projectId, String username) {
        access.checkManage(projectId);
        ProjectMember m = members.findByProjectIdAndUsername(projectId, username)
                .orElseThrow(() -> new ProblemException.NotFound(username + " is not a member"));
        members.delete(m);
        members.flush();
        audit.record(CurrentUser.get().username(), "MEMBER_REMOVED", ENTITY, projectId.toString(), m.view(), null);
        events.changed(projectId, ProjectEvents.PROJECT, null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<MemberView> members(UUID projectId) {
        access.checkRead(projectId);
        return members.findByProjectIdOrderByUsername(projectId).stream().map(ProjectMember::view).toList();
    }

    private void apply(Project p, ProjectCommand c) {
        String name = Departments.required("name", c.name(), 200);
        String description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
        if (description != null && description.length() > 4000) {
            throw new ProblemException.InvalidInput("description", "is longer than 4000 characters");
        }
        if (c.departmentId() == null) {
            throw new ProblemException.InvalidInput("departmentId", "is required");
        }
        if (!departments.existsById(c.departmentId())) {
            throw new ProblemException.InvalidInput("departmentId", "no department " + c.departmentId());
        }
        Set<UUID> involved = new LinkedHashSet<>();
        for (UUID d : c.involvedDepartmentIds() == null ? List.<UUID>of() : c.involvedDepartmentIds()) {
            if (d == null || !departments.existsById(d)) {
                throw new ProblemException.InvalidInput("involvedDepartmentIds", "no department " + d);
            }
            if (!d.equals(c.departmentId())) {
                involved.add(d);
            }
        }
        String manager = member(Departments.required("manager", c.manager(), 64));
        if (c.startDate() == null) {
            throw new ProblemException.InvalidInput("startDate", "is required");
        }
        if (c.endDate() == null) {
            throw new ProblemException.InvalidInput("endDate", "is required");
        }
        if (c.endDate().isBefore(c.startDate())) {
            throw new ProblemException.InvalidInput("endDate", "is before the start date " + c.startDate());
        }
        BigDecimal budget = c.budget() == null ? BigDecimal.ZERO : c.budget();
        if (budget.signum() < 0) {
            throw new ProblemException.InvalidInput("budget", "must not be negative");
        }
        String currency = c.currency() == null || c.currency().isBlank() ? "EUR" : c.currency().strip().toUpperCase();
        if (!currency.matches("[A-Z]{3}")) {
            throw new ProblemException.InvalidInput("currency", "is not a three-letter currency code");
        }
        p.update(name, description, c.departmentId(), involved, manager, c.startDate(), c.endDate(), budget, currency,
                clock.instant());
    }

    private String member(String username) {
        if (username == null || username.isBlank()) {
            throw new ProblemException.InvalidInput("username", "is required");
        }
        String u = username.strip();
        if (!users.exists(u)) {
            throw new ProblemException.InvalidInput("username", "no user " + u);
        }
        return u;
    }

    private static String code(String code) {
        if (code == null || code.isBlank()) {
            throw new ProblemException.InvalidInput("code", "is required");
        }
        String c = code.strip().toUpperCase();
        if (!CODE.matcher(c).matches()) {
            throw new ProblemException.InvalidInput("code",
                    "use up to 20 letters, digits, '-' or '_' (starting with a letter or digit)");
        }
        return c;
    }

    private Map<UUID, String> departmentCodes() {
        Map<UUID, String> codes = new HashMap<>();
        departments.findAll().forEach(d -> codes.put(d.getId(), d.getCode()));
        return codes;
    }

    ProjectView view(Project p) {
        Map<UUID, String> codes = departmentCodes();
        List<String> involved = p.getInvolvedDepartmentIds().stream().map(codes::get).sorted().toList();
        List<MemberView> list = members.findByProjectIdOrderByUsername(p.getId()).stream().map(ProjectMember::view)
                .toList();
        return new ProjectView(p.getId(), p.getCode(), p.getName(), p.getDescription(), p.getDepartmentId(),
                codes.get(p.getDepartmentId()), involved, p.getManager(), p.getStartDate(), p.getEndDate(),
                p.getBudget(), p.getCurrency(), p.getStatus(), list, p.getVersion());
    }
}
