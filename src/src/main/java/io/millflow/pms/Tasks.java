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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks of a project: create, change (with a history entry per changed field), move on the board, reschedule
 * (pushing successors), dependencies (no cycles), the critical path, and "my tasks". Who may read or change a task is
 * decided by {@link ProjectAccess}: hidden projects answer 404, VIEWER members 403 on changes.
 */
@Service
public class Tasks {

    static final String ENTITY = "Task";
    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    private static final int MAX_LABELS = 20;

    private final TaskRepository tasks;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final TaskDependencyRepository dependencies;
    private final TaskHistoryRepository history;
    private final TaskCommentRepository comments;
    private final ProjectRepository projects;
    private final TemplateTaskRepository templateTasks;
    private final TemplateDependencyRepository templateDependencies;
    private final ProjectAccess access;
    private final ProjectEvents events;
    private final UserAccounts users;
    private final AuditService audit;
    private final ApplicationEventPublisher publisher;
    private final BusinessEvents businessEvents;
    private final Clock clock;

    Tasks(TaskRepository tasks, TaskDependencyRepository dependencies, TaskHistoryRepository history,
            TaskCommentRepository comments, ProjectRepository projects,
            TemplateTaskRepository templateTasks, TemplateDependencyRepository templateDependencies,
            ProjectAccess access, ProjectEvents events, UserAccounts users, AuditService audit,
            ApplicationEventPublisher publisher, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc,
            BusinessEvents businessEvents) {
        this.businessEvents = businessEvents;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.history = history;
        this.comments = comments;
        this.projects = projects;
        this.templateTasks = templateTasks;
        this.templateDependencies = templateDependencies;
        this.access = access;
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- create and read

    /** Creates a task; missing dates default to the project's start (a one-day task). */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public TaskView create(UUID projectId, TaskCommand c) {
        access.checkWrite(projectId);
        Project project = projects.lock(projectId).orElseThrow(() -> ProjectAccess.notFound(projectId));
        String actor = actor();
        Instant now = clock.instant();
        Task t = new Task(projectId, tasks.maxNumber(projectId) + 1, actor, now);
        t.setName(Departments.required("name", c.name(), 200));
        t.setDescription(description(c.description()));
        t.setPriority(c.priority() == null ? TaskPriority.NORMAL : c.priority());
        boolean milestone = Boolean.TRUE.equals(c.milestone());
        t.setMilestone(milestone);
        LocalDate start = c.startDate() == null ? project.getStartDate() : c.startDate();
        LocalDate end = c.endDate() == null ? start : c.endDate();
        checkDates(milestone, start, end);
        t.setDates(start, end);
        t.setDueDate(c.dueDate());
        t.setEstimateHours(estimate(c.estimateHours()));
        t.setAssignee(assignee(c.assignee()));
        t.setLabels(labels(c.labels()));
        t.setNeedsApproval(Boolean.TRUE.equals(c.needsApproval()));
        if (c.parentId() != null) {
            t.setParentId(parent(projectId, null, c.parentId()));
        }
        TaskStatus status = c.status() == null ? TaskStatus.TODO : c.status();
        if (status == TaskStatus.DONE && t.isNeedsApproval()) {
            throw new ProblemException.InvalidInput("status", "a task that needs approval cannot be created DONE");
        }
        t.setStatus(status, now);
        t.setBoardRank(tasks.maxRank(projectId, status) + 1);
        tasks.saveAndFlush(t);
        history.save(new TaskHistory(t.getId(), actor, now, "created", null, t.key() + " " + t.getName()));
        TaskView view = view(t, project.getCode());
        audit.record(actor, "TASK_CREATED", ENTITY, t.getId().toString(), null, view);
        events.changed(projectId, ProjectEvents.TASK, t.getId(), actor);
        publishTask(EventTypes.TASK_CREATED, t, project.getCode(), actor, Map.of());
        if (t.getAssignee() != null) {
            publishTask(EventTypes.TASK_ASSIGNED, t, project.getCode(), actor, nullable("previousAssignee", null));
        }
        return view;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public TaskView get(UUID taskId) {
        access.readTask(taskId);
        return view(find(taskId));
    }

    /**
     * The project's tasks as a tree, flattened: each parent before its children, siblings by number. Read with one
     * SQL projection (labels aggregated in the query), not through the entities: a 2,000-task project is one query.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<TaskView> list(UUID projectId) {
        access.checkRead(projectId);
        return tree(rows(projectId));
    }

    private record Row(TaskView view, UUID parentId) {
    }

    private List<Row> rows(UUID projectId) {
        return jdbc.query("select t.id, p.code, t.number, t.parent_id, t.name, t.description, t.status, t.board_rank, "
                + "t.priority, t.milestone, t.start_date, t.end_date, t.due_date, t.estimate_hours, t.assignee, "
                + "t.needs_approval, t.approval_state, t.version, "
                + "(select string_agg(l.label, ',' order by l.label) from task_label l where l.task_id = t.id) "
                + "from task t join project p on p.id = t.project_id where t.project_id = ? order by t.number",
                (rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    int number = rs.getInt(3);
                    UUID parentId = rs.getObject(4, UUID.class);
                    String labels = rs.getString(19);
                    java.util.SortedSet<String> labelSet = labels == null ? java.util.Collections.emptySortedSet()
                            : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(labels.split(","))));
                    java.sql.Date due = rs.getDate(13);
                    TaskView v = new TaskView(id, projectId, rs.getString(2), Task.keyOf(number), number, parentId, 0,
                            rs.getString(5), rs.getString(6), TaskStatus.valueOf(rs.getString(7)), rs.getInt(8),
                            TaskPriority.valueOf(rs.getString(9)), rs.getBoolean(10), rs.getDate(11).toLocalDate(),
                            rs.getDate(12).toLocalDate(), due == null ? null : due.toLocalDate(), rs.getBigDecimal(14),
                            rs.getString(15), labelSet, rs.getBoolean(16), rs.getString(17), rs.getLong(18));
                    return new Row(v, parentId);
                }, projectId);
    }

    private static List<TaskView> tree(List<Row> all) {
        Map<UUID, List<Row>> children = new HashMap<>();
        List<Row> roots = new ArrayList<>();
        Set<UUID> ids = all.stream().map(r -> r.view().id()).collect(Collectors.toSet());
        for (Row r : all) {
            if (r.parentId() == null || !ids.contains(r.parentId())) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<TaskView> out = new ArrayList<>(all.size());
        for (Row root : roots) {
            walk(root, 0, children, out);
        }
        return out;
    }

    private static void walk(Row r, int depth, Map<UUID, List<Row>> children, List<TaskView> out) {
        TaskView v = r.view();
        out.add(depth == 0 ? v : new TaskView(v.id(), v.projectId(), v.projectCode(), v.key(), v.number(),
                v.parentId(), depth, v.name(), v.description(), v.status(), v.boardRank(), v.priority(), v.milestone(),
                v.startDate(), v.endDate(), v.dueDate(), v.estimateHours(), v.assignee(), v.labels(),
                v.needsApproval(), v.approvalState(), v.version()));
        for (Row child : children.getOrDefault(v.id(), List.of())) {
            walk(child, depth + 1, children, out);
        }
    }

    /** One page of a project's tasks, optionally by status and assignee, by number. */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public PageView<TaskView> page(UUID projectId, TaskStatus status, String assignee, int page, int size) {
        access.checkRead(projectId);
        String code = projectCode(projectId);
        Specification<Task> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("projectId"), projectId));
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (assignee != null && !assignee.isBlank()) {
                where.add(cb.equal(root.get("assignee"), assignee.strip()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Task> found = tasks.findAll(spec, PageView.request(page, size, Sort.by("number")));
        return PageView.of(found, t -> view(t, code));
    }

    /** Tasks assigned to the signed-in user in projects they can see, by end date. */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public PageView<TaskView> myTasks(TaskStatus status, int page, int size) {
        CurrentUser user = CurrentUser.get();
        boolean all = ProjectAccess.seesAll(user.roles());
        Specification<Task> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("assignee"), user.username()));
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (!all) {
                Subquery<UUID> member = q.subquery(UUID.class);
                var m = member.from(ProjectMember.class);
                member.select(m.get("projectId")).where(cb.equal(m.get("username"), user.username()));
                Subquery<UUID> managed = q.subquery(UUID.class);
                var p = managed.from(Project.class);
                managed.select(p.get("id")).where(cb.equal(p.get("manager"), user.username()));
                where.add(cb.or(root.get("projectId").in(member), root.get("projectId").in(managed)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Task> found = tasks.findAll(spec, PageView.request(page, size, Sort.by("endDate", "number")));
        Map<UUID, String> codes = new HashMap<>();
        return PageView.of(found, t -> view(t, codes.computeIfAbsent(t.getProjectId(), this::projectCode)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<HistoryEntry> history(UUID taskId) {
        access.readTask(taskId);
        return history.findByTaskIdOrderByChangedAtAscIdAsc(taskId).stream().map(TaskHistory::view).toList();
    }

    // ---------------------------------------------------------------- change

    /** Changes a task; null fields keep their value, an empty description or assignee clears it. */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public TaskView update(UUID taskId, TaskCommand c) {
        UUID projectId = access.writeTask(taskId);
        Task t = find(taskId);
        TaskView before = view(t);
        String assigneeBefore = t.getAssignee();
        TaskStatus statusBefore = t.getStatus();
        LocalDate startBefore = t.getStartDate();
        LocalDate endBefore = t.getEndDate();
        LocalDate dueBefore = t.getDueDate();
        String actor = actor();
        Instant now = clock.instant();
        Changes changes = new Changes(t.getId(), actor, now);
        if (c.name() != null) {
            String name = Departments.required("name", c.name(), 200);
            changes.add("name", t.getName(), name);
            t.setName(name);
        }
        if (c.description() != null) {
            String d = description(c.description());
            changes.add("description", t.getDescription(), d);
            t.setDescription(d);
        }
        if (c.priority() != null) {
            changes.add("priority", t.getPriority(), c.priority());
            t.setPriority(c.priority());
        }
        boolean milestone = c.milestone() == null ? t.isMilestone() : c.milestone();
        LocalDate start = c.startDate() == null ? t.getStartDate() : c.startDate();
        LocalDate end = c.endDate() == null ? (milestone ? start : t.getEndDate()) : c.endDate();
        if (milestone && c.endDate() == null) {
            end = start;
        }
        checkDates(milestone, start, end);
        boolean datesChanged = !start.equals(t.getStartDate()) || !end.equals(t.getEndDate())
                || milestone != t.isMilestone();
        changes.add("milestone", t.isMilestone(), milestone);
        changes.add("startDate", t.getStartDate(), start);
        changes.add("endDate", t.getEndDate(), end);
        t.setMilestone(milestone);
        t.setDates(start, end);
        if (c.dueDate() != null) {
            changes.add("dueDate", t.getDueDate(), c.dueDate());
            t.setDueDate(c.dueDate());
        }
        if (c.estimateHours() != null) {
            BigDecimal e = estimate(c.estimateHours());
            if (t.getEstimateHours() == null || e.compareTo(t.getEstimateHours()) != 0) {
                changes.add("estimateHours", t.getEstimateHours(), e);
            }
            t.setEstimateHours(e);
        }
        if (c.assignee() != null) {
            String a = assignee(c.assignee());
            changes.add("assignee", t.getAssignee(), a);
            t.setAssignee(a);
        }
        if (c.labels() != null) {
            Set<String> l = labels(c.labels());
            changes.add("labels", String.join(",", t.getLabels()), String.join(",", l));
            t.setLabels(l);
        }
        if (c.needsApproval() != null) {
            changes.add("needsApproval", t.isNeedsApproval(), c.needsApproval());
            t.setNeedsApproval(c.needsApproval());
        }
        if (c.parentId() != null && !c.parentId().equals(t.getParentId())) {
            UUID parent = parent(projectId, t.getId(), c.parentId());
            changes.add("parentId", t.getParentId(), parent);
            t.setParentId(parent);
        }
        boolean completion = false;
        if (c.status() != null && c.status() != t.getStatus()) {
            completion = transition(t, c.status(), changes, now);
            t.setBoardRank(tasks.maxRank(projectId, t.getStatus()) + 1);
        }
        t.touch(now);
        tasks.flush();
        List<Task> pushed = datesChanged ? pushSuccessors(t, changes.actor, now) : List.of();
        changes.save(history);
        TaskView after = view(t);
        audit.record(actor, "TASK_CHANGED", ENTITY, taskId.toString(), before, after);
        pushed.forEach(p -> audit.record(actor, "TASK_RESCHEDULED", ENTITY, p.getId().toString(),
                Map.of("cause", t.key()), Map.of("startDate", p.getStartDate(), "endDate", p.getEndDate())));
        events.changed(projectId, ProjectEvents.TASK, taskId, actor);
        String code = after.projectCode();
        if (!java.util.Objects.equals(assigneeBefore, t.getAssignee()) && t.getAssignee() != null) {
            publishTask(EventTypes.TASK_ASSIGNED, t, code, actor, nullable("previousAssignee", assigneeBefore));
        }
        if (statusBefore != t.getStatus()) {
            publishTask(EventTypes.TASK_STATUS_CHANGED, t, code, actor,
                    Map.of("from", statusBefore.name(), "to", t.getStatus().name()));
        }
        if (!startBefore.equals(t.getStartDate()) || !endBefore.equals(t.getEndDate())
                || !java.util.Objects.equals(dueBefore, t.getDueDate())) {
            publishRescheduled(t, code, actor, startBefore, endBefore, dueBefore);
        }
        publishPushed(pushed, code, actor);
        if (completion) {
            publisher.publishEvent(new TaskCompletionRequested(taskId, projectId, actor));
        }
        return after;
    }

    /**
     * Moves a task to a board column at a position (0 = top). Moving a task that needs approval to DONE puts it
     * IN_REVIEW with approval PENDING and publishes {@link TaskCompletionRequested}.
     */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public TaskView move(UUID taskId, TaskStatus status, int boardRank) {
        if (status == null) {
            throw new ProblemException.InvalidInput("status", "is required");
        }
        UUID projectId = access.writeTask(taskId);
        projects.lock(projectId);
        Task t = find(taskId);
        TaskView before = view(t);
        String actor = actor();
        Instant now = clock.instant();
        Changes changes = new Changes(taskId, actor, now);
        TaskStatus statusBefore = t.getStatus();
        boolean completion = status != t.getStatus() && transition(t, status, changes, now);
        List<Task> column = new ArrayList<>(
                tasks.findByProjectIdAndStatusOrderByBoardRankAscNumberAsc(projectId, t.getStatus()));
        column.removeIf(x -> x.getId().equals(taskId));
        column.add(Math.max(0, Math.min(boardRank, column.size())), t);
        for (int i = 0; i < column.size(); i++) {
            if (column.get(i).getBoardRank() != i) {
                column.get(i).setBoardRank(i);
            }
        }
        t.touch(now);
        tasks.flush();
        changes.save(history);
        TaskView after = view(t);
        audit.record(actor, "TASK_MOVED", ENTITY, taskId.toString(), before, after);
        events.changed(projectId, ProjectEvents.TASK, taskId, actor);
        if (statusBefore != t.getStatus()) {
            publishTask(EventTypes.TASK_STATUS_CHANGED, t, after.projectCode(), actor,
                    Map.of("from", statusBefore.name(), "to", t.getStatus().name()));
        }
        if (completion) {
            publisher.publishEvent(new TaskCompletionRequested(taskId, projectId, actor));
        }
        return after;
    }

    /** Sets status; true when this is a completion that needs approval (now IN_REVIEW, PENDING). */
    private boolean transition(Task t, TaskStatus target, Changes changes, Instant now) {
        TaskStatus from = t.getStatus();
        boolean completion = false;
        TaskStatus to = target;
        if (target == TaskStatus.DONE && t.isNeedsApproval() && !APPROVED.equals(t.getApprovalState())) {
            if (PENDING.equals(t.getApprovalState())) {
                throw new ProblemException.Conflict(t.key() + " is waiting for approval already");
            }
            to = TaskStatus.IN_REVIEW;
            changes.add("approvalState", t.getApprovalState(), PENDING);
            t.setApprovalState(PENDING);
            completion = true;
        } else if (from == TaskStatus.DONE && t.isNeedsApproval() && t.getApprovalState() != null) {
            changes.add("approvalState", t.getApprovalState(), null);
            t.setApprovalState(null);
        }
        changes.add("status", from, to);
        t.setStatus(to, now);
        return completion;
    }

    /**
     * Decides a pending approval (called by the task-approval process' handler, no permission check): approved →
     * DONE/APPROVED, rejected → IN_PROGRESS/REJECTED with the comment added to the task.
     */
    @Transactional
    public TaskView decideApproval(UUID taskId, boolean approved, String comment, String actor) {
        Task t = find(taskId);
        projects.lock(t.getProjectId());
        if (!PENDING.equals(t.getApprovalState())) {
            throw new ProblemException.Conflict(t.key() + " is not waiting for approval");
        }
        TaskView before = view(t);
        Instant now = clock.instant();
        Changes changes = new Changes(taskId, actor, now);
        String state = approved ? APPROVED : REJECTED;
        TaskStatus status = approved ? TaskStatus.DONE : TaskStatus.IN_PROGRESS;
        TaskStatus statusBefore = t.getStatus();
        changes.add("approvalState", t.getApprovalState(), state);
        changes.add("status", t.getStatus(), status);
        t.setApprovalState(state);
        t.setStatus(status, now);
        t.setBoardRank(tasks.maxRank(t.getProjectId(), status) + 1);
        t.touch(now);
        tasks.flush();
        if (comment != null && !comment.isBlank()) {
            String body = (approved ? "Approved: " : "Rejected: ") + comment.strip();
            TaskComment saved = comments.save(new TaskComment(taskId, actor,
                    body.length() > 8000 ? body.substring(0, 8000) : body, Set.of(), now));
            audit.record(actor, "COMMENT_ADDED", TaskComments.ENTITY, saved.getId().toString(), null,
                    Map.of("taskId", taskId, "body", saved.getBody()));
            events.changed(t.getProjectId(), ProjectEvents.COMMENT, taskId, actor);
        }
        changes.save(history);
        TaskView after = view(t);
        audit.record(actor, approved ? "TASK_APPROVED" : "TASK_REJECTED", ENTITY, taskId.toString(), before, after);
        events.changed(t.getProjectId(), ProjectEvents.TASK, taskId, actor);
        if (statusBefore != t.getStatus()) {
            publishTask(EventTypes.TASK_STATUS_CHANGED, t, after.projectCode(), actor,
                    Map.of("from", statusBefore.name(), "to", t.getStatus().name()));
        }
        return after;
    }

    /**
     * Gives a task new dates and pushes its successors forward as far as their dependencies need (never back).
     *
     * @return the task and every successor whose dates changed
     */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public List<TaskView> reschedule(UUID taskId, LocalDate start, LocalDate end) {
        UUID projectId = access.writeTask(taskId);
        projects.lock(projectId);
        Task t = find(taskId);
        if (start == null) {
            throw new ProblemException.InvalidInput("startDate", "is required");
        }
        LocalDate e = t.isMilestone() ? start : (end == null ? start.plusDays(duration(t) - 1) : end);
        checkDates(t.isMilestone(), start, e);
        if (t.isMilestone() && end != null && !end.equals(start)) {
            throw new ProblemException.InvalidInput("endDate", "a milestone starts and ends on the same day");
        }
        String actor = actor();
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("startDate", t.getStartDate(), "endDate", t.getEndDate());
        LocalDate startBefore = t.getStartDate();
        LocalDate endBefore = t.getEndDate();
        Changes changes = new Changes(taskId, actor, now);
        changes.add("startDate", t.getStartDate(), start);
        changes.add("endDate", t.getEndDate(), e);
        t.setDates(start, e);
        t.touch(now);
        tasks.flush();
        changes.save(history);
        audit.record(actor, "TASK_RESCHEDULED", ENTITY, taskId.toString(), before,
                Map.of("startDate", start, "endDate", e));
        List<Task> pushed = pushSuccessors(t, actor, now);
        for (Task p : pushed) {
            audit.record(actor, "TASK_RESCHEDULED", ENTITY, p.getId().toString(), Map.of("cause", t.key()),
                    Map.of("startDate", p.getStartDate(), "endDate", p.getEndDate()));
        }
        events.changed(projectId, ProjectEvents.TASK, taskId, actor);
        String code = projectCode(projectId);
        if (!startBefore.equals(start) || !endBefore.equals(e)) {
            publishRescheduled(t, code, actor, startBefore, endBefore, t.getDueDate());
        }
        publishPushed(pushed, code, actor);
        List<TaskView> out = new ArrayList<>();
        out.add(view(t, code));
        pushed.forEach(p -> out.add(view(p, code)));
        return out;
    }

    private static int duration(Task t) {
        return (int) (t.getEndDate().toEpochDay() - t.getStartDate().toEpochDay()) + 1;
    }

    /** Pushes the successors of {@code source} (already saved with its new dates); writes their history. */
    private List<Task> pushSuccessors(Task source, String actor, Instant now) {
        List<Task> all = tasks.findByProjectIdOrderByNumber(source.getProjectId());
        Map<UUID, Task> byId = all.stream().collect(Collectors.toMap(Task::getId, Function.identity()));
        List<CriticalPath.Node> nodes = all.stream().map(Tasks::node).toList();
        List<CriticalPath.Edge> edges = edges(source.getProjectId());
        List<Task> changed = new ArrayList<>();
        for (CriticalPath.Node n : CriticalPath.push(nodes, edges, source.getId())) {
            Task t = byId.get(n.id());
            Changes changes = new Changes(t.getId(), actor, now);
            changes.add("startDate", t.getStartDate(), n.start());
            changes.add("endDate", t.getEndDate(), n.end());
            t.setDates(n.start(), n.end());
            t.touch(now);
            changes.save(history);
            changed.add(t);
        }
        tasks.flush();
        return changed;
    }

    // ---------------------------------------------------------------- dependencies and schedule

    /** Adds a dependency between two tasks of the project; refuses cycles; pushes the successor side if needed. */
    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public DependencyView addDependency(UUID projectId, DependencyCommand c) {
        access.checkWrite(projectId);
        projects.lock(projectId);
        if (c.predecessorId() == null) {
            throw new ProblemException.InvalidInput("predecessorId", "is required");
        }
        if (c.successorId() == null) {
            throw new ProblemException.InvalidInput("successorId", "is required");
        }
        Task pred = tasks.findById(c.predecessorId()).filter(t -> t.getProjectId().equals(projectId))
                .orElseThrow(() -> new ProblemException.InvalidInput("predecessorId", "is not a task of this project"));
        Task succ = tasks.findById(c.successorId()).filter(t -> t.getProjectId().equals(projectId))
                .orElseThrow(() -> new ProblemException.InvalidInput("successorId", "is not a task of this project"));
        if (pred.getId().equals(succ.getId())) {
            throw new ProblemException.InvalidInput("successorId", "a task cannot depend on itself");
        }
        if (Math.abs(c.lagDays()) > 3650) {
            throw new ProblemException.InvalidInput("lagDays", "must be between -3650 and 3650");
        }
        if (dependencies.existsById(new EdgeKey(pred.getId(), succ.getId()))) {
            throw new ProblemException.Conflict(pred.key() + " → " + succ.key() + " exists already");
        }
        List<CriticalPath.Edge> edges = edges(projectId);
        var cycle = CriticalPath.path(succ.getId(), pred.getId(), edges);
        if (cycle.isPresent()) {
            Map<UUID, String> keys = new HashMap<>();
            tasks.findByProjectIdOrderByNumber(projectId).forEach(t -> keys.put(t.getId(), t.key()));
            List<String> names = new ArrayList<>();
            names.add(pred.key());
            cycle.get().forEach(id -> names.add(keys.get(id)));
            throw new ProblemException.InvalidInput("predecessorId",
                    "would create a cycle: " + String.join(" → ", names));
        }
        DependencyKind kind = c.kind() == null ? DependencyKind.FS : c.kind();
        TaskDependency d = dependencies.saveAndFlush(
                new TaskDependency(projectId, pred.getId(), succ.getId(), kind, c.lagDays(), clock.instant()));
        String actor = actor();
        audit.record(actor, "DEPENDENCY_ADDED", "TaskDependency", pred.getId() + ">" + succ.getId(), null,
                Map.of("predecessor", pred.key(), "successor", succ.key(), "kind", kind, "lagDays", c.lagDays()));
        for (Task p : pushSuccessors(pred, actor, clock.instant())) {
            audit.record(actor, "TASK_RESCHEDULED", ENTITY, p.getId().toString(), Map.of("cause", pred.key()),
                    Map.of("startDate", p.getStartDate(), "endDate", p.getEndDate()));
        }
        events.changed(projectId, ProjectEvents.DEPENDENCY, succ.getId(), actor);
        return d.view();
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public void removeDependency(UUID predecessorId, UUID successorId) {
        TaskDependency d = dependencies.findById(new EdgeKey(predecessorId, successorId))
                .orElseThrow(() -> new ProblemException.NotFound("No such dependency"));
        CurrentUser user = CurrentUser.get();
        if (!access.canRead(user.username(), user.roles(), d.getProjectId())) {
            throw new ProblemException.NotFound("No such dependency");
        }
        access.checkWrite(d.getProjectId());
        dependencies.delete(d);
        dependencies.flush();
        audit.record(user.username(), "DEPENDENCY_REMOVED", "TaskDependency", predecessorId + ">" + successorId,
                d.view(), null);
        events.changed(d.getProjectId(), ProjectEvents.DEPENDENCY, successorId, user.username());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<DependencyView> dependencies(UUID projectId) {
        access.checkRead(projectId);
        return dependencies.findByProjectId(projectId).stream().map(TaskDependency::view).toList();
    }

    /** Critical path and slack of the project's tasks (cancelled tasks left out). */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public ScheduleView schedule(UUID projectId) {
        access.checkRead(projectId);
        List<CriticalPath.Node> nodes = tasks.findByProjectIdOrderByNumber(projectId).stream()
                .filter(t -> t.getStatus() != TaskStatus.CANCELLED).map(Tasks::node).toList();
        return CriticalPath.schedule(projectId, nodes, edges(projectId));
    }

    /** Tasks, dependencies and schedule in one answer. */
    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public GanttView gantt(UUID projectId) {
        access.checkRead(projectId);
        List<TaskView> list = tree(rows(projectId));
        List<TaskDependency> deps = dependencies.findByProjectId(projectId);
        List<CriticalPath.Node> nodes = list.stream().filter(t -> t.status() != TaskStatus.CANCELLED)
                .map(t -> new CriticalPath.Node(t.id(), t.startDate(), t.endDate(), t.milestone())).toList();
        List<CriticalPath.Edge> edges = deps.stream()
                .map(d -> new CriticalPath.Edge(d.getPredecessorId(), d.getSuccessorId(), d.getKind(), d.getLagDays()))
                .toList();
        return new GanttView(list, deps.stream().map(TaskDependency::view).toList(),
                CriticalPath.schedule(projectId, nodes, edges));
    }

    // ---------------------------------------------------------------- templates

    /** Creates the tasks and dependencies of a template in a new project (inside the project's creation). */
    void createFromTemplate(UUID projectId, UUID templateId, LocalDate projectStart, String actor) {
        Instant now = clock.instant();
        Map<UUID, Task> byTemplateTask = new LinkedHashMap<>();
        int number = tasks.maxNumber(projectId);
        int rank = tasks.maxRank(projectId, TaskStatus.TODO);
        for (TemplateTask tt : templateTasks.findByTemplateIdOrderByPosition(templateId)) {
            Task t = new Task(projectId, ++number, actor, now);
            t.setName(tt.getName());
            t.setMilestone(tt.isMilestone());
            LocalDate start = projectStart.plusDays(tt.getOffsetDays());
            LocalDate end = ProjectTemplates.endOf(start, tt.getDurationDays(), tt.isMilestone());
            t.setDates(start, end);
            t.setEstimateHours(tt.getEstimateHours());
            t.setStatus(TaskStatus.TODO, now);
            t.setBoardRank(++rank);
            if (tt.getParentId() != null && byTemplateTask.containsKey(tt.getParentId())) {
                t.setParentId(byTemplateTask.get(tt.getParentId()).getId());
            }
            byTemplateTask.put(tt.getId(), t);
            tasks.save(t);
        }
        tasks.flush();
        List<CriticalPath.Edge> edges = new ArrayList<>();
        for (TemplateDependency td : templateDependencies.findByTemplateId(templateId)) {
            Task p = byTemplateTask.get(td.getPredecessorId());
            Task s = byTemplateTask.get(td.getSuccessorId());
            dependencies.save(new TaskDependency(projectId, p.getId(), s.getId(), td.getKind(), td.getLagDays(), now));
            edges.add(new CriticalPath.Edge(p.getId(), s.getId(), td.getKind(), td.getLagDays()));
        }
        dependencies.flush();
        List<Task> created = List.copyOf(byTemplateTask.values());
        Map<UUID, Task> byId = created.stream().collect(Collectors.toMap(Task::getId, Function.identity()));
        for (CriticalPath.Node n : CriticalPath.pushAll(created.stream().map(Tasks::node).toList(), edges)) {
            byId.get(n.id()).setDates(n.start(), n.end());
        }
        tasks.flush();
        for (Task t : created) {
            history.save(new TaskHistory(t.getId(), actor, now, "created", null, t.key() + " " + t.getName()));
        }
        audit.record(actor, "TASKS_FROM_TEMPLATE", "Project", projectId.toString(), null,
                Map.of("templateId", templateId, "tasks", created.size(), "dependencies", edges.size()));
        String code = projectCode(projectId);
        created.forEach(t -> publishTask(EventTypes.TASK_CREATED, t, code, actor, Map.of()));
    }

    // ---------------------------------------------------------------- helpers

    private List<CriticalPath.Edge> edges(UUID projectId) {
        return dependencies.findByProjectId(projectId).stream()
                .map(d -> new CriticalPath.Edge(d.getPredecessorId(), d.getSuccessorId(), d.getKind(), d.getLagDays()))
                .toList();
    }

    private static CriticalPath.Node node(Task t) {
        return new CriticalPath.Node(t.getId(), t.getStartDate(), t.getEndDate(), t.isMilestone());
    }

    Task find(UUID taskId) {
        return tasks.findById(taskId).orElseThrow(() -> new ProblemException.NotFound("No task " + taskId));
    }

    private UUID parent(UUID projectId, UUID self, UUID parentId) {
        Task parent = tasks.findById(parentId).filter(p -> p.getProjectId().equals(projectId))
                .orElseThrow(() -> new ProblemException.InvalidInput("parentId", "is not a task of this project"));
        for (Task at = parent; at != null; at = at.getParentId() == null ? null : tasks.findById(at.getParentId())
                .orElse(null)) {
            if (at.getId().equals(self)) {
                throw new ProblemException.InvalidInput("parentId", "a task cannot be under itself or its sub-tasks");
            }
        }
        return parent.getId();
    }

    private static void checkDates(boolean milestone, LocalDate start, LocalDate end) {
        if (start == null) {
            throw new ProblemException.InvalidInput("startDate", "is required");
        }
        if (end.isBefore(start)) {
            throw new ProblemException.InvalidInput("endDate", "ends " + end + ", before it starts " + start);
        }
        if (milestone && !end.equals(start)) {
            throw new ProblemException.InvalidInput("endDate", "a milestone starts and ends on the same day");
        }
    }

    private static BigDecimal estimate(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        if (hours.signum() < 0) {
            throw new ProblemException.InvalidInput("estimateHours", "must not be negative");
        }
        if (hours.compareTo(new BigDecimal("9999999")) > 0 || hours.scale() > 2 && hours.stripTrailingZeros().scale() > 2) {
            throw new ProblemException.InvalidInput("estimateHours", "too large or more than two decimals");
        }
        return hours;
    }

    private static String description(String d) {
        if (d == null || d.isBlank()) {
            return null;
        }
        if (d.length() > 8000) {
            throw new ProblemException.InvalidInput("description", "is longer than 8000 characters");
        }
        return d.strip();
    }

    private String assignee(String a) {
        if (a == null || a.isBlank()) {
            return null;
        }
        String u = a.strip();
        if (!users.exists(u)) {
            throw new ProblemException.InvalidInput("assignee", "no user " + u);
        }
        return u;
    }

    private static Set<String> labels(Set<String> labels) {
        Set<String> out = new TreeSet<>();
        if (labels == null) {
            return out;
        }
        for (String l : labels) {
            if (l == null || l.isBlank()) {
                continue;
            }
            String s = l.strip();
            if (s.length() > 40) {
                throw new ProblemException.InvalidInput("labels", "a label is longer than 40 characters: " + s);
            }
            out.add(s);
        }
        if (out.size() > MAX_LABELS) {
            throw new ProblemException.InvalidInput("labels", "at most " + MAX_LABELS + " labels");
        }
        return out;
    }

    // ---------------------------------------------------------------- business events

    private void publishTask(String type, Task t, String projectCode, String actor, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", t.getId().toString());
        data.put("projectId", t.getProjectId().toString());
        data.put("projectCode", projectCode);
        data.put("key", t.key());
        data.put("title", t.getName());
        data.put("assignee", t.getAssignee());
        data.put("status", t.getStatus().name());
        data.put("milestone", t.isMilestone());
        data.put("startDate", t.getStartDate().toString());
        data.put("endDate", t.getEndDate().toString());
        data.put("dueDate", t.getDueDate() == null ? null : t.getDueDate().toString());
        data.putAll(extra);
        businessEvents.publish(type, "ProjectTask", t.getId().toString(), actor, data);
    }

    private void publishRescheduled(Task t, String code, String actor, LocalDate startBefore, LocalDate endBefore,
            LocalDate dueBefore) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("previousStartDate", startBefore.toString());
        extra.put("previousEndDate", endBefore.toString());
        extra.put("previousDueDate", dueBefore == null ? null : dueBefore.toString());
        publishTask(EventTypes.TASK_RESCHEDULED, t, code, actor, extra);
    }

    /** Successors pushed by a dependency: their previous dates are not kept, only the new ones. */
    private void publishPushed(List<Task> pushed, String code, String actor) {
        for (Task p : pushed) {
            publishTask(EventTypes.TASK_RESCHEDULED, p, code, actor, Map.of("pushedByDependency", true));
        }
    }

    private static Map<String, Object> nullable(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private String projectCode(UUID projectId) {
        return projects.findById(projectId).map(Project::getCode).orElse(null);
    }

    TaskView view(Task t) {
        return view(t, projectCode(t.getProjectId()));
    }

    private TaskView view(Task t, String projectCode) {
        int depth = 0;
        Set<UUID> seen = new HashSet<>();
        for (UUID p = t.getParentId(); p != null && seen.add(p); ) {
            depth++;
            p = tasks.findById(p).map(Task::getParentId).orElse(null);
        }
        return view(t, projectCode, depth);
    }

    private static TaskView view(Task t, String projectCode, int depth) {
        return new TaskView(t.getId(), t.getProjectId(), projectCode, t.key(), t.getNumber(), t.getParentId(), depth,
                t.getName(), t.getDescription(), t.getStatus(), t.getBoardRank(), t.getPriority(), t.isMilestone(),
                t.getStartDate(), t.getEndDate(), t.getDueDate(), t.getEstimateHours(), t.getAssignee(),
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(t.getLabels())), t.isNeedsApproval(), t.getApprovalState(), t.getVersion());
    }

    private static String actor() {
        return CurrentUser.get().username();
    }

    /** Collects the changed fields of one change of one task; saved as history rows. */
    private static final class Changes {
        private final UUID taskId;
        private final String actor;
        private final Instant at;
        private final List<TaskHistory> rows = new ArrayList<>();

        Changes(UUID taskId, String actor, Instant at) {
            this.taskId = taskId;
            this.actor = actor;
            this.at = at;
        }

        void add(String field, Object before, Object after) {
            String b = before == null ? null : before.toString();
            String a = after == null ? null : after.toString();
            if (!Objects.equals(b, a)) {
                rows.add(new TaskHistory(taskId, actor, at, field, b, a));
            }
        }

        void save(TaskHistoryRepository repository) {
            repository.saveAll(rows);
        }
    }
}
