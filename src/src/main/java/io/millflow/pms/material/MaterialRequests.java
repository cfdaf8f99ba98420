package io.millflow.pms.material;

import io.millflow.audit.AuditService;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.ReservationViews.ConsumptionCommand;
import io.millflow.ims.ReservationViews.Issued;
import io.millflow.ims.ReservationViews.PurposeType;
import io.millflow.ims.ReservationViews.ReservationCommand;
import io.millflow.ims.ReservationViews.ReservationView;
import io.millflow.ims.Reservations;
import io.millflow.ims.StockQueries;
import io.millflow.pms.ProjectAccess;
import io.millflow.pms.ProjectEvents;
import io.millflow.pms.material.MaterialRequestViews.LineCommand;
import io.millflow.pms.material.MaterialRequestViews.LineView;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestCommand;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestView;
import io.millflow.pms.material.MaterialRequestViews.ReserveResult;
import io.millflow.processes.Messages;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Roles;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseOrderGoodsStored;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.procurement.PurchaseRequisitions.Shortfall;
import io.millflow.procurement.RequisitionView;
import io.millflow.security.CurrentUser;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Material requests of project tasks and the work of the {@code project-material-request} process: reserve what the
 * warehouse has for the project (ims reservations, purpose PROJECT, reference = the project's id), requisition the
 * shortfall through procurement, reserve again when its goods are put away, and issue everything (221) once the
 * warehouse picked it. Cancelling releases every open reservation. Every change is audited and announced on
 * {@link ProjectEvents} (kind MATERIAL).
 * <p>
 * Roles: members who may change the task's project (MEMBER, MANAGER; users with role MANAGER or ADMIN) request and
 * cancel; whoever may read the project reads its requests (others get 404); WAREHOUSE reads and cancels every request.
 * The worker-facing methods ({@link #reserve}, {@link #requisition}, {@link #issue}) have no role check and are
 * idempotent.
 */
@Service
@Validated
public class MaterialRequests {

    static final String ENTITY = "MaterialRequest";
    private static final Logger log = LoggerFactory.getLogger(MaterialRequests.class);
    private static final String INTERNAL = "hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER',"
            + "'WAREHOUSE','PROCESS_OWNER','ADMIN')";
    private static final Set<String> SEE_ALL = Set.of(Roles.WAREHOUSE, Roles.MANAGER, Roles.ADMIN);

    private final JdbcTemplate jdbc;
    private final ProjectAccess access;
    private final ProjectEvents events;
    private final MasterData masterData;
    private final Reservations reservations;
    private final StockQueries stock;
    private final PurchaseRequisitions requisitions;
    private final RuntimeService runtime;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final Clock clock;

    MaterialRequests(JdbcTemplate jdbc, ProjectAccess access, ProjectEvents events, MasterData masterData,
            Reservations reservations, StockQueries stock, PurchaseRequisitions requisitions, RuntimeService runtime,
            DocumentNumbers numbers, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.masterData = masterData;
        this.reservations = reservations;
        this.stock = stock;
        this.requisitions = requisitions;
        this.runtime = runtime;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- people

    /** Requests materials for a task and starts its process. 404 when the task's project is not visible. */
    @Transactional
    @PreAuthorize(INTERNAL)
    public MaterialRequestView create(UUID taskId, @Valid MaterialRequestCommand cmd) {
        CurrentUser user = CurrentUser.get();
        if (taskId == null) {
            throw new ProblemException.InvalidInput("taskId", "is required");
        }
        UUID projectId = access.writeTask(taskId);
        Map<String, Object> facts = jdbc.queryForMap("select p.status as project_status, p.code, t.status as task_status "
                + "from task t join project p on p.id = t.project_id where t.id = ?", taskId);
        if ("CLOSED".equals(facts.get("project_status"))) {
            throw new ProblemException.Conflict("Project " + facts.get("code") + " is CLOSED");
        }
        if ("CANCELLED".equals(facts.get("task_status"))) {
            throw new ProblemException.Conflict("The task is CANCELLED");
        }
        if (masterData.warehouses(null).stream().noneMatch(w -> w.id().equals(cmd.warehouseId()) && w.active())) {
            throw new ProblemException.InvalidInput("warehouseId", "is not an active warehouse");
        }
        if (cmd.neededBy().isBefore(LocalDate.now(clock))) {
            throw new ProblemException.InvalidInput("neededBy", "must not be in the past");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            LineCommand l = cmd.lines().get(i);
            ItemView item;
            try {
                item = masterData.item(l.itemId());
            } catch (ProblemException.NotFound e) {
                throw new ProblemException.InvalidInput("lines[" + i + "].itemId", "is not a known item");
            }
            if (!item.active()) {
                throw new ProblemException.InvalidInput("lines[" + i + "].itemId", "item " + item.sku() + " is inactive");
            }
            if (!seen.add(l.itemId())) {
                throw new ProblemException.InvalidInput("lines[" + i + "].itemId", "item " + item.sku()
                        + " is asked for twice; put it on one line");
            }
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("MR");
        Timestamp now = Timestamp.from(clock.instant());
        String note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().strip();
        jdbc.update("insert into material_request (id, number, project_id, task_id, warehouse_id, needed_by, note, "
                + "requested_by, status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, 0)",
                id, number, projectId, taskId, cmd.warehouseId(), Date.valueOf(cmd.neededBy()), note, user.username(),
                now, now);
        int no = 1;
        for (LineCommand l : cmd.lines()) {
            jdbc.update("insert into material_request_line (id, request_id, line_no, item_id, quantity) values (?, ?, ?, ?, ?)",
                    UUID.randomUUID(), id, no++, l.itemId(), l.quantity());
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(Variables.MATERIAL_REQUEST_ID, id.toString());
        vars.put(Variables.REQUESTED_BY, user.username());
        vars.put(Variables.PROJECT_ID, projectId.toString());
        vars.put(Variables.TASK_ID, taskId.toString());
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.PROJECT_MATERIAL_REQUEST, id.toString(), vars);
        jdbc.update("update material_request set process_instance_id = ? where id = ?", pi.getId(), id);
        MaterialRequestView view = view(id);
        audit.record(user.username(), "REQUESTED", ENTITY, id.toString(), null, snapshot(view));
        events.changed(projectId, ProjectEvents.MATERIAL, taskId, user.username());
        log.info("Material request {} for task {} ({} lines)", number, taskId, cmd.lines().size());
        return view;
    }

    /** The material requests of a task, newest first. 404 when its project is not visible. */
    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public List<MaterialRequestView> ofTask(UUID taskId) {
        UUID projectId = access.projectOfTask(taskId);
        checkRead(projectId, () -> new ProblemException.NotFound("No task " + taskId));
        return jdbc.queryForList("select id from material_request where task_id = ? order by created_at desc, number desc",
                UUID.class, taskId).stream().map(this::view).toList();
    }

    /**
     * Material requests, newest first: of one project (404 when not visible), or of all projects for WAREHOUSE,
     * MANAGER and ADMIN, or the caller's own for everyone else; optionally of one status.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public PageView<MaterialRequestView> list(UUID projectId, MaterialRequestStatus status, int page, int size) {
        CurrentUser user = CurrentUser.get();
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (projectId != null) {
            checkRead(projectId, () -> new ProblemException.NotFound("No project " + projectId));
            where.append(" and project_id = ?");
            args.add(projectId);
        } else if (user.roles().stream().noneMatch(SEE_ALL::contains)) {
            where.append(" and requested_by = ?");
            args.add(user.username());
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<UUID> ids = jdbc.queryForList("select id from material_request" + where
                + " order by created_at desc, number desc limit ? offset ?", UUID.class, pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from material_request" + where, Long.class, args.toArray());
        return new PageView<>(ids.stream().map(this::view).toList(), Math.max(page, 0), limit, total == null ? 0 : total);
    }

    /** One request: WAREHOUSE reads every one; others whoever may read its project (404 otherwise). */
    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public MaterialRequestView get(UUID id) {
        MaterialRequestView view = find(id);
        if (!CurrentUser.get().hasRole(Roles.WAREHOUSE)) {
            checkRead(view.projectId(), () -> notFound(id));
        }
        return view;
    }

    /**
     * Cancels a request that is not issued: every open reservation is released (nothing stays held) and the
     * process ends. The requester, whoever may change the project, and WAREHOUSE may cancel. Cancelling twice
     * answers the cancelled request.
     */
    @Transactional
    @PreAuthorize(INTERNAL)
    public MaterialRequestView cancel(UUID id) {
        CurrentUser user = CurrentUser.get();
        Map<String, Object> row = lock(id);
        UUID projectId = (UUID) row.get("project_id");
        if (!user.hasRole(Roles.WAREHOUSE) && !user.username().equals(row.get("requested_by"))) {
            checkRead(projectId, () -> notFound(id));
            access.checkWrite(projectId);
        }
        String status = (String) row.get("status");
        if (MaterialRequestStatus.CANCELLED.name().equals(status)) {
            return view(id);
        }
        if (MaterialRequestStatus.ISSUED.name().equals(status)) {
            throw new ProblemException.Conflict("Material request " + row.get("number") + " is ISSUED; return the "
                    + "materials with a reversal of the issue instead");
        }
        MaterialRequestView before = view(id);
        List<UUID> open = jdbc.queryForList("select r.reservation_id from material_request_reservation r "
                + "join material_request_line l on l.id = r.line_id where l.request_id = ? and r.status = 'OPEN' "
                + "order by r.reservation_id", UUID.class, id);
        for (UUID reservationId : open) {
            reservations.releaseAs(reservationId, user.username());
            jdbc.update("update material_request_reservation set status = 'RELEASED' where reservation_id = ?",
                    reservationId);
        }
        jdbc.update("update material_request_line set reserved_quantity = 0 where request_id = ?", id);
        jdbc.update("update material_request set status = 'CANCELLED', cancelled_by = ?, updated_at = ?, "
                + "version = version + 1 where id = ?", user.username(), Timestamp.from(clock.instant()), id);
        runtime.createMessageCorrelation(Messages.MATERIAL_REQUEST_CANCELLED).processInstanceBusinessKey(id.toString())
                .correlateAllWithResult();
        MaterialRequestView after = view(id);
        audit.record(user.username(), "CANCELLED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        events.changed(projectId, ProjectEvents.MATERIAL, after.taskId(), user.username());
        return after;
    }

    /**
     * The material cost of a project: the ledger value issued to it (221 minus 222, reference = the project's id),
     * in EUR. 404 when the project is not visible.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public BigDecimal projectMaterialCost(UUID projectId) {
        checkRead(projectId, () -> new ProblemException.NotFound("No project " + projectId));
        return stock.issuedToPurpose(PurposeType.PROJECT, projectId.toString());
    }

    /** Records who picked a fully reserved request (the inbox's "Pick materials" decision). */
    @Transactional
    public void picked(UUID id, CurrentUser user) {
        if (!user.hasRole(Roles.WAREHOUSE)) {
            throw new ProblemException.Forbidden("Only WAREHOUSE picks materials");
        }
        Map<String, Object> row = lock(id);
        if (!MaterialRequestStatus.RESERVED.name().equals(row.get("status"))) {
            throw new ProblemException.Conflict("Material request " + row.get("number") + " is " + row.get("status")
                    + "; only a RESERVED request is picked");
        }
        jdbc.update("update material_request set picked_by = ?, updated_at = ?, version = version + 1 where id = ?",
                user.username(), Timestamp.from(clock.instant()), id);
        audit.record(user.username(), "PICKED", ENTITY, id.toString(), Map.of("status", "RESERVED"),
                Map.of("status", "RESERVED", "pickedBy", user.username()));
    }

    // ---- the process's steps (workers; idempotent, no role check)

    /**
     * {@code pms.reserveMaterials}: reserves, per line, what is available of what is neither reserved nor issued yet.
     * The request is SHORT while something is missing, RESERVED when nothing is.
     */
    @Transactional
    public ReserveResult reserve(UUID id) {
        Map<String, Object> row = lock(id);
        String status = (String) row.get("status");
        boolean raised = row.get("requisition_id") != null;
        if (MaterialRequestStatus.CANCELLED.name().equals(status) || MaterialRequestStatus.ISSUED.name().equals(status)) {
            return new ReserveResult(false, raised);
        }
        UUID projectId = (UUID) row.get("project_id");
        String actor = (String) row.get("requested_by");
        MaterialRequestView before = view(id);
        boolean changed = false;
        boolean shortOfStock = false;
        for (LineView line : before.lines()) {
            BigDecimal open = line.quantity().subtract(line.reservedQuantity()).subtract(line.issuedQuantity());
            if (open.signum() <= 0) {
                continue;
            }
            var reserved = reservations.reserveAvailable(new ReservationCommand(line.itemId(),
                    (UUID) row.get("warehouse_id"), open, null, PurposeType.PROJECT, projectId.toString(),
                    ((Date) row.get("needed_by")).toLocalDate()), actor);
            if (reserved.isPresent()) {
                ReservationView r = reserved.get();
                jdbc.update("insert into material_request_reservation (reservation_id, line_id, quantity, status) "
                        + "values (?, ?, ?, 'OPEN')", r.id(), line.id(), r.quantity());
                jdbc.update("update material_request_line set reserved_quantity = reserved_quantity + ? where id = ?",
                        r.quantity(), line.id());
                changed = true;
                open = open.subtract(r.quantity());
            }
            if (open.signum() > 0) {
                shortOfStock = true;
            }
        }
        MaterialRequestStatus next = shortOfStock ? MaterialRequestStatus.SHORT : MaterialRequestStatus.RESERVED;
        if (changed || !next.name().equals(status)) {
            jdbc.update("update material_request set status = ?, updated_at = ?, version = version + 1 where id = ?",
                    next.name(), Timestamp.from(clock.instant()), id);
            MaterialRequestView after = view(id);
            audit.record("system", "RESERVED", ENTITY, id.toString(), snapshot(before), snapshot(after));
            events.changed(projectId, ProjectEvents.MATERIAL, after.taskId(), "system");
        }
        return new ReserveResult(shortOfStock, raised);
    }

    /**
     * {@code pms.requisitionMaterials}: one purchase requisition, on behalf of the requester, for what is still
     * short; once per request (a second call returns the first requisition's number). Null when nothing is short.
     */
    @Transactional
    public String requisition(UUID id) {
        Map<String, Object> row = lock(id);
        if (row.get("requisition_id") != null) {
            return (String) row.get("requisition_number");
        }
        String status = (String) row.get("status");
        if (!MaterialRequestStatus.SHORT.name().equals(status) && !MaterialRequestStatus.REQUESTED.name().equals(status)) {
            return null;
        }
        MaterialRequestView before = view(id);
        List<Shortfall> shortfalls = new ArrayList<>();
        List<LineView> shortLines = new ArrayList<>();
        for (LineView line : before.lines()) {
            BigDecimal open = line.quantity().subtract(line.reservedQuantity()).subtract(line.issuedQuantity());
            if (open.signum() > 0) {
                shortfalls.add(new Shortfall(line.itemId(), open));
                shortLines.add(line);
            }
        }
        if (shortfalls.isEmpty()) {
            return null;
        }
        String taskKey = jdbc.queryForObject("select 'T-' || number from task where id = ?", String.class,
                before.taskId());
        String code = before.projectCode();
        String costCentre = code != null && code.matches("[A-Z0-9][A-Z0-9-]{1,19}") ? code : "PROJECTS";
        RequisitionView req = requisitions.submitShortfall(before.requestedBy(), before.warehouseId(),
                before.neededBy(), "Materials for task " + taskKey + " of project " + code + " (material request "
                        + before.number() + ")", costCentre, shortfalls);
        for (int i = 0; i < shortLines.size(); i++) {
            jdbc.update("update material_request_line set requisitioned_quantity = ? where id = ?",
                    shortfalls.get(i).quantity(), shortLines.get(i).id());
        }
        jdbc.update("update material_request set requisition_id = ?, requisition_number = ?, updated_at = ?, "
                + "version = version + 1 where id = ?", req.id(), req.number(), Timestamp.from(clock.instant()), id);
        MaterialRequestView after = view(id);
        audit.record(before.requestedBy(), "REQUISITIONED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        events.changed(before.projectId(), ProjectEvents.MATERIAL, before.taskId(), "system");
        log.info("Material request {}: shortfall requisitioned as {}", before.number(), req.number());
        return req.number();
    }

    /**
     * {@code pms.issueMaterials}: consumes every open reservation of the request (221 to the project, as the person
     * who picked it); the request is ISSUED with the quantities and the ledger value. A second call does nothing.
     */
    @Transactional
    public MaterialRequestView issue(UUID id) {
        Map<String, Object> row = lock(id);
        String status = (String) row.get("status");
        if (!MaterialRequestStatus.RESERVED.name().equals(status)) {
            log.info("Material request {} is {}: nothing to issue", row.get("number"), status);
            return view(id);
        }
        MaterialRequestView before = view(id);
        String actor = row.get("picked_by") != null ? (String) row.get("picked_by") : before.requestedBy();
        String taskKey = jdbc.queryForObject("select 'T-' || number from task where id = ?", String.class,
                before.taskId());
        List<Map<String, Object>> open = jdbc.queryForList("select r.reservation_id, r.line_id from "
                + "material_request_reservation r join material_request_line l on l.id = r.line_id "
                + "where l.request_id = ? and r.status = 'OPEN' order by l.line_no, r.reservation_id", id);
        for (Map<String, Object> r : open) {
            UUID reservationId = (UUID) r.get("reservation_id");
            Issued posted = reservations.consumeAs(reservationId, new ConsumptionCommand(null, "Material request "
                    + before.number() + " for task " + taskKey + " of project " + before.projectCode()), actor);
            BigDecimal quantity = posted.quantity();
            BigDecimal value = posted.value();
            jdbc.update("update material_request_reservation set status = 'CONSUMED', document_id = ?, value = ? "
                    + "where reservation_id = ?", posted.document().id(), value, reservationId);
            jdbc.update("update material_request_line set reserved_quantity = greatest(reserved_quantity - ?, 0), "
                    + "issued_quantity = issued_quantity + ?, issued_value = issued_value + ? where id = ?", quantity,
                    quantity, value, r.get("line_id"));
        }
        jdbc.update("update material_request set status = 'ISSUED', updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(clock.instant()), id);
        MaterialRequestView after = view(id);
        audit.record(actor, "ISSUED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        events.changed(before.projectId(), ProjectEvents.MATERIAL, before.taskId(), actor);
        log.info("Material request {} issued: {} for {} EUR", before.number(), after.issuedQuantity(),
                after.issuedValue());
        return after;
    }

    /**
     * Goods of a requisition were put away: the requests waiting for that requisition reserve again (message
     * {@code MaterialsReceived}). Runs in the put-away's transaction; a request that is not waiting right now is
     * left to its hourly re-check.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onGoodsStored(PurchaseOrderGoodsStored event) {
        if (event.requisitionId() == null) {
            return;
        }
        for (UUID id : jdbc.queryForList("select id from material_request where requisition_id = ? and status = 'SHORT'",
                UUID.class, event.requisitionId())) {
            int delivered = runtime.createMessageCorrelation(Messages.MATERIALS_RECEIVED)
                    .processInstanceBusinessKey(id.toString()).correlateAllWithResult().size();
            log.info("Goods of order {} stored: material request {} {}", event.purchaseOrderId(), id,
                    delivered > 0 ? "reserves again" : "is not waiting now");
        }
    }

    // ---- reading

    private void checkRead(UUID projectId, java.util.function.Supplier<ProblemException> notVisible) {
        CurrentUser user = CurrentUser.get();
        if (!access.canRead(user.username(), user.roles(), projectId)) {
            throw notVisible.get();
        }
    }

    private Map<String, Object> lock(UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from material_request where id = ? for update", id);
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        return rows.get(0);
    }

    private MaterialRequestView find(UUID id) {
        List<MaterialRequestView> found = views("m.id = ?", id);
        if (found.isEmpty()) {
            throw notFound(id);
        }
        return found.get(0);
    }

    MaterialRequestView view(UUID id) {
        return find(id);
    }

    private List<MaterialRequestView> views(String where, Object... args) {
        List<MaterialRequestView> heads = jdbc.query("select m.id, m.number, m.project_id, p.code, m.task_id, "
                + "m.warehouse_id, w.code, m.needed_by, m.note, m.requested_by, m.status, m.requisition_id, "
                + "m.requisition_number, m.picked_by, m.cancelled_by, m.created_at, m.updated_at from material_request m "
                + "join project p on p.id = m.project_id join warehouse w on w.id = m.warehouse_id where " + where
                + " order by m.created_at desc", (rs, n) -> head(rs), args);
        List<MaterialRequestView> full = new ArrayList<>();
        for (MaterialRequestView h : heads) {
            List<LineView> lines = jdbc.query("select l.id, l.line_no, l.item_id, i.sku, i.name, i.base_unit, "
                    + "l.quantity, l.reserved_quantity, l.requisitioned_quantity, l.issued_quantity, l.issued_value "
                    + "from material_request_line l join item i on i.id = l.item_id where l.request_id = ? order by l.line_no",
                    (rs, n) -> new LineView(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), strip(rs.getBigDecimal(7)),
                            strip(rs.getBigDecimal(8)), strip(rs.getBigDecimal(9)), strip(rs.getBigDecimal(10)),
                            rs.getBigDecimal(11), List.of()), h.id());
            Map<UUID, List<UUID>> open = new LinkedHashMap<>();
            jdbc.query("select r.line_id, r.reservation_id from material_request_reservation r join material_request_line l "
                    + "on l.id = r.line_id where l.request_id = ? and r.status = 'OPEN' order by r.reservation_id", rs -> {
                        open.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    }, h.id());
            lines = lines.stream().map(l -> new LineView(l.id(), l.lineNo(), l.itemId(), l.sku(), l.itemName(), l.unit(),
                    l.quantity(), l.reservedQuantity(), l.requisitionedQuantity(), l.issuedQuantity(), l.issuedValue(),
                    List.copyOf(open.getOrDefault(l.id(), List.of())))).toList();
            BigDecimal issued = lines.stream().map(LineView::issuedQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = lines.stream().map(LineView::issuedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            full.add(new MaterialRequestView(h.id(), h.number(), h.projectId(), h.projectCode(), h.taskId(),
                    h.warehouseId(), h.warehouseCode(), h.neededBy(), h.note(), h.requestedBy(), h.status(),
                    h.requisitionId(), h.requisitionNumber(), h.pickedBy(), h.cancelledBy(), strip(issued), value,
                    h.createdAt(), h.updatedAt(), lines));
        }
        return full;
    }

    private static MaterialRequestView head(ResultSet rs) throws SQLException {
        return new MaterialRequestView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
                rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
                MaterialRequestStatus.valueOf(rs.getString(11)), rs.getObject(12, UUID.class), rs.getString(13),
                rs.getString(14), rs.getString(15), null, null, rs.getTimestamp(16).toInstant(),
                rs.getTimestamp(17).toInstant(), List.of());
    }

    private static Map<String, Object> snapshot(MaterialRequestView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", v.number());
        s.put("status", v.status().name());
        s.put("taskId", v.taskId());
        s.put("warehouse", v.warehouseCode());
        s.put("neededBy", v.neededBy());
        s.put("requisition", v.requisitionNumber());
        s.put("lines", v.lines().stream().map(l -> Map.of("item", l.sku(), "quantity", l.quantity(), "reserved",
                l.reservedQuantity(), "requisitioned", l.requisitionedQuantity(), "issued", l.issuedQuantity(),
                "value", l.issuedValue())).toList());
        return s;
    }

    private static BigDecimal strip(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException.NotFound("No material request " + id);
    }
}
