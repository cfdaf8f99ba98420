package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.pms.ProjectRequestViews.ApprovalView;
import io.millflow.pms.ProjectRequestViews.ProjectRequestCommand;
import io.millflow.pms.ProjectRequestViews.RequestView;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Roles;
import io.millflow.processes.Variables;
import io.millflow.security.AppUser;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Project intake: a request for a new project, approved in parallel by the head of its department and of every
 * involved department ({@code project-intake}); then the project is created from its template and its manager kicks
 * it off. Roles: every internal role requests; the requester, the approving heads, MANAGER and ADMIN read a request
 * (others get 404). The process-facing methods have no role check.
 */
@Service
@Validated
public class ProjectRequests {

    static final String ENTITY = "ProjectRequest";
    private static final Logger log = LoggerFactory.getLogger(ProjectRequests.class);

    private final JdbcTemplate jdbc;
    private final Departments departments;
    private final ProjectTemplates templates;
    private final Projects projects;
    private final UserAccounts users;
    private final RuntimeService runtime;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final Clock clock;

    ProjectRequests(JdbcTemplate jdbc, Departments departments, ProjectTemplates templates, Projects projects,
            UserAccounts users, RuntimeService runtime, DocumentNumbers numbers, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.templates = templates;
        this.projects = projects;
        this.users = users;
        this.runtime = runtime;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Submits a request and starts its approval; row, audit record and process commit together. */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public RequestView submit(@Valid ProjectRequestCommand cmd) {
        CurrentUser user = CurrentUser.get();
        String code = cmd.code().strip().toUpperCase();
        if (cmd.endDate().isBefore(cmd.startDate())) {
            throw new ProblemException.InvalidInput("endDate", "must not be before startDate");
        }
        Optional<AppUser> manager = users.find(cmd.manager().strip());
        if (manager.isEmpty() || !manager.get().getRoles().contains(Roles.MANAGER)) {
            throw new ProblemException.InvalidInput("manager", "must be a user with role MANAGER");
        }
        if (cmd.templateCode() != null && !cmd.templateCode().isBlank() && !templates.exists(cmd.templateCode())) {
            throw new ProblemException.InvalidInput("templateCode", "is not a project template");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from project where code = ?)", Boolean.class,
                code))) {
            throw new ProblemException.Conflict("A project with code " + code + " exists already");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from project_request where code = ? and "
                + "status <> 'REJECTED')", Boolean.class, code))) {
            throw new ProblemException.Conflict("Project " + code + " has been requested already");
        }
        Set<UUID> approving = new LinkedHashSet<>();
        approving.add(cmd.departmentId());
        if (cmd.involvedDepartmentIds() != null) {
            approving.addAll(cmd.involvedDepartmentIds());
        }
        List<DepartmentView> depts = new ArrayList<>();
        int i = 0;
        for (UUID id : approving) {
            String field = i == 0 ? "departmentId" : "involvedDepartmentIds";
            DepartmentView d;
            try {
                d = departments.get(id);
            } catch (ProblemException.NotFound e) {
                throw new ProblemException.InvalidInput(field, "is not a department: " + id);
            }
            if (d.headUsername() == null || d.headUsername().isBlank()) {
                throw new ProblemException.InvalidInput(field, "department " + d.code() + " has no head to approve");
            }
            depts.add(d);
            i++;
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("PJR");
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into project_request (id, number, code, name, description, department_id, manager, "
                + "start_date, end_date, budget, currency, template_code, requested_by, status, created_at, updated_at, "
                + "version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_APPROVAL', ?, ?, 0)", id, number, code,
                cmd.name().strip(), blankToNull(cmd.description()), cmd.departmentId(), manager.get().getUsername(),
                Date.valueOf(cmd.startDate()), Date.valueOf(cmd.endDate()),
                cmd.budget() == null ? BigDecimal.ZERO : cmd.budget(), cmd.currency() == null ? "EUR" : cmd.currency(),
                blankToNull(cmd.templateCode()), user.username(), now, now);
        for (int p = 0; p < depts.size(); p++) {
            jdbc.update("insert into project_request_approval (request_id, position, department_id, head_username, "
                    + "decision) values (?, ?, ?, ?, 'PENDING')", id, p, depts.get(p).id(), depts.get(p).headUsername());
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(Variables.PROJECT_REQUEST_ID, id.toString());
        vars.put(Variables.REQUESTED_BY, user.username());
        vars.put(Variables.APPROVAL_DEPARTMENTS, String.join(",", depts.stream().map(d -> d.id().toString()).toList()));
        vars.put(Variables.APPROVAL_HEADS, String.join(",", depts.stream().map(DepartmentView::headUsername).toList()));
        vars.put(Variables.APPROVAL_COUNT, depts.size());
        vars.put(Variables.PROJECT_MANAGER, manager.get().getUsername());
        vars.put(Variables.APPROVED, true);
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.PROJECT_INTAKE, id.toString(), vars);
        jdbc.update("update project_request set process_instance_id = ? where id = ?", pi.getId(), id);
        RequestView view = find(id);
        audit.record(user.username(), "SUBMITTED", ENTITY, id.toString(), null, view);
        log.info("Project request {} ({}) by {}: approvals of {}", number, code, user.username(),
                depts.stream().map(DepartmentView::code).toList());
        return view;
    }

    /** One request: its requester, its approving heads, MANAGER and ADMIN; 404 for others. */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public RequestView get(UUID id) {
        RequestView view = find(id);
        CurrentUser user = CurrentUser.get();
        if (!user.hasAnyRole(Roles.MANAGER, Roles.ADMIN) && !user.username().equals(view.requestedBy())
                && view.approvals().stream().noneMatch(a -> user.username().equals(a.headUsername()))) {
            throw notFound(id);
        }
        return view;
    }

    /** Requests the caller may read (see {@link #get}), newest first, optionally of one status. */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public PageView<RequestView> list(ProjectRequestStatus status, int page, int size) {
        CurrentUser user = CurrentUser.get();
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (!user.hasAnyRole(Roles.MANAGER, Roles.ADMIN)) {
            where.append(" and (r.requested_by = ? or exists (select 1 from project_request_approval a "
                    + "where a.request_id = r.id and a.head_username = ?))");
            args.add(user.username());
            args.add(user.username());
        }
        if (status != null) {
            where.append(" and r.status = ?");
            args.add(status.name());
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<UUID> ids = jdbc.queryForList("select r.id from project_request r" + where
                + " order by r.created_at desc, r.number desc limit ? offset ?", UUID.class, pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from project_request r" + where, Long.class, args.toArray());
        return new PageView<>(ids.stream().map(this::find).toList(), Math.max(page, 0), limit, total == null ? 0 : total);
    }

    // ---- the process's side

    /**
     * Records one head's decision ({@code position} = the instance's loop counter), in the transaction that completes
     * the inbox task. A rejection needs a reason, rejects the request and withdraws the other approvals.
     */
    @Transactional
    public void recordDecision(UUID id, int position, CurrentUser user, boolean approved, String comment) {
        Map<String, Object> row = lock(id);
        if (!ProjectRequestStatus.IN_APPROVAL.name().equals(row.get("status"))) {
            throw new ProblemException.Conflict("Project request " + row.get("number") + " is " + row.get("status"));
        }
        List<Map<String, Object>> found = jdbc.queryForList("select a.head_username, a.decision, d.code from "
                + "project_request_approval a join department d on d.id = a.department_id where a.request_id = ? "
                + "and a.position = ?", id, position);
        if (found.isEmpty()) {
            throw new ProblemException.Conflict("Project request " + row.get("number") + " has no approval " + position);
        }
        Map<String, Object> approval = found.get(0);
        if (!"PENDING".equals(approval.get("decision"))) {
            throw new ProblemException.Conflict("Department " + approval.get("code") + " decided already");
        }
        if (!user.username().equals(approval.get("head_username")) && !user.hasRole(Roles.ADMIN)) {
            throw new ProblemException.Forbidden("Only " + approval.get("head_username") + ", head of "
                    + approval.get("code") + ", decides this approval");
        }
        String trimmed = comment == null ? null : comment.strip();
        if (!approved && (trimmed == null || trimmed.isEmpty())) {
            throw new ProblemException.InvalidInput("comment", "must give the reason of a rejection");
        }
        RequestView before = find(id);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update project_request_approval set decision = ?, decided_by = ?, decided_at = ?, comment = ? "
                + "where request_id = ? and position = ?", approved ? "APPROVED" : "REJECTED", user.username(), now,
                trimmed, id, position);
        audit.record(user.username(), approved ? "APPROVED" : "REJECTED", "ProjectRequestApproval",
                id + "#" + position, Map.of("decision", "PENDING"), Map.of("department", approval.get("code"),
                        "decision", approved ? "APPROVED" : "REJECTED", "comment", trimmed == null ? "" : trimmed));
        String next = null;
        if (!approved) {
            jdbc.update("update project_request_approval set decision = 'WITHDRAWN' where request_id = ? "
                    + "and decision = 'PENDING'", id);
            jdbc.update("update project_request set status = 'REJECTED', rejection_reason = ?, updated_at = ?, "
                    + "version = version + 1 where id = ?", approval.get("code") + ": " + trimmed, now, id);
            next = "REJECTED";
        } else if (Boolean.FALSE.equals(jdbc.queryForObject("select exists(select 1 from project_request_approval "
                + "where request_id = ? and decision <> 'APPROVED')", Boolean.class, id))) {
            jdbc.update("update project_request set status = 'APPROVED', updated_at = ?, version = version + 1 "
                    + "where id = ?", now, id);
            next = "APPROVED";
        }
        if (next != null) {
            audit.record(user.username(), next, ENTITY, id.toString(), before, find(id));
        }
    }

    /**
     * {@code pms.createProject}: the project of an approved request, from its template, its requester a MEMBER
     * (idempotent: a second call returns the same project). Returns the project's id.
     */
    @Transactional
    public UUID createProject(UUID id) {
        Map<String, Object> row = lock(id);
        if (row.get("project_id") != null) {
            return (UUID) row.get("project_id");
        }
        if (!ProjectRequestStatus.APPROVED.name().equals(row.get("status"))) {
            throw new ProblemException.Conflict("Project request " + row.get("number") + " is " + row.get("status"));
        }
        RequestView r = find(id);
        String requester = r.requestedBy();
        List<MemberCommand> members = requester.equals(r.manager()) ? List.of()
                : List.of(new MemberCommand(requester, ProjectRole.MEMBER));
        ProjectView project = projects.createForIntake(new ProjectCommand(r.code(), r.name(), r.description(),
                r.departmentId(), r.involvedDepartmentIds(), r.manager(), r.startDate(), r.endDate(), r.budget(),
                r.currency(), r.templateCode(), members), requester);
        jdbc.update("update project_request set project_id = ?, updated_at = ?, version = version + 1 where id = ?",
                project.id(), Timestamp.from(clock.instant()), id);
        audit.record("system", "PROJECT_CREATED", ENTITY, id.toString(), Map.of("projectId", ""),
                Map.of("projectId", project.id(), "code", project.code(), "status", project.status().name()));
        log.info("Project {} created from request {}", project.code(), r.number());
        return project.id();
    }

    /** The manager kicks the project off (inbox "Kick off project"): the project becomes ACTIVE. */
    @Transactional
    public void kickOff(UUID id, CurrentUser user) {
        Map<String, Object> row = lock(id);
        if (!ProjectRequestStatus.APPROVED.name().equals(row.get("status")) || row.get("project_id") == null) {
            throw new ProblemException.Conflict("Project request " + row.get("number") + " is " + row.get("status"));
        }
        UUID projectId = (UUID) row.get("project_id");
        ProjectView project = projects.get(projectId);
        if (project.status() != ProjectStatus.ACTIVE) {
            projects.changeStatus(projectId, ProjectStatus.ACTIVE);
        }
        jdbc.update("update project_request set status = 'ACTIVE', updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(clock.instant()), id);
        audit.record(user.username(), "KICKED_OFF", ENTITY, id.toString(), Map.of("status", "APPROVED"),
                Map.of("status", "ACTIVE", "projectId", projectId));
    }

    // ---- reading

    private Map<String, Object> lock(UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from project_request where id = ? for update", id);
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        return rows.get(0);
    }

    private RequestView find(UUID id) {
        List<RequestView> found = jdbc.query("select r.id, r.number, r.code, r.name, r.description, "
                + "r.department_id, d.code, r.manager, r.start_date, r.end_date, r.budget, r.currency, r.template_code, "
                + "r.requested_by, r.status, r.rejection_reason, r.project_id, r.created_at, r.updated_at "
                + "from project_request r join department d on d.id = r.department_id where r.id = ?",
                (rs, n) -> head(rs), id);
        if (found.isEmpty()) {
            throw notFound(id);
        }
        RequestView h = found.get(0);
        List<ApprovalView> approvals = jdbc.query("select a.position, a.department_id, d.code, a.head_username, "
                + "a.decision, a.decided_by, a.decided_at, a.comment from project_request_approval a "
                + "join department d on d.id = a.department_id where a.request_id = ? order by a.position",
                (rs, n) -> new ApprovalView(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)), id);
        List<UUID> involved = approvals.stream().map(ApprovalView::departmentId)
                .filter(d -> !d.equals(h.departmentId())).toList();
        return new RequestView(h.id(), h.number(), h.code(), h.name(), h.description(), h.departmentId(),
                h.departmentCode(), involved, h.manager(), h.startDate(), h.endDate(), h.budget(), h.currency(),
                h.templateCode(), h.requestedBy(), h.status(), h.rejectionReason(), h.projectId(), h.createdAt(),
                h.updatedAt(), approvals);
    }

    private static RequestView head(ResultSet rs) throws SQLException {
        return new RequestView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), List.of(), rs.getString(8),
                rs.getDate(9).toLocalDate(), rs.getDate(10).toLocalDate(), rs.getBigDecimal(11), rs.getString(12),
                rs.getString(13), rs.getString(14), ProjectRequestStatus.valueOf(rs.getString(15)), rs.getString(16),
                rs.getObject(17, UUID.class), rs.getTimestamp(18).toInstant(), rs.getTimestamp(19).toInstant(),
                List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException.NotFound("No project request " + id);
    }
}
