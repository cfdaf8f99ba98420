package io.millflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit records in the transaction of the change they describe, so a change and its record
 * commit or roll back together.
 */
@Service
public class AuditService {

    private final AuditRepository records;
    private final ObjectMapper json;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    AuditService(AuditRepository records, ObjectMapper json, Clock clock, JdbcTemplate jdbc) {
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** One entity of a bulk change: its id and its state after the change. */
    public record Change(String entityId, Object after) {
    }

    /**
     * Records the same action on many entities (e.g. 10,000 items created by one import), one record per entity,
     * written as JDBC batches in the transaction of the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(String actor, String action, String entityType, List<Change> changes) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[] {UUID.randomUUID(), now, actor, action, entityType, c.entityId(), toJson(c.after())});
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate("insert into audit_record (id, occurred_at, actor, action, entity_type, entity_id, "
                    + "before_state, after_state) values (?, ?, ?, ?, ?, ?, null, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /**
     * Records a change. {@code before} and {@code after} are snapshots (any JSON-serialisable value, or null).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, String entityId, Object before, Object after) {
        records.save(new AuditRecord(clock.instant(), actor, action, entityType, entityId, toJson(before),
                toJson(after)));
    }

    @Transactional(readOnly = true)
    public Page<AuditRecord> find(String entityType, String entityId, Pageable pageable) {
        if (entityType != null && entityId != null) {
            return records.findByEntityTypeAndEntityId(entityType, entityId, pageable);
        }
        if (entityType != null) {
            return records.findByEntityType(entityType, pageable);
        }
        return records.findAll(pageable);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit snapshot cannot be written as JSON", e);
        }
    }
}
