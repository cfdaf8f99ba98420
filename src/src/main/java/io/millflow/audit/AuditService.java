package io.millflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
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

    AuditService(AuditRepository records, ObjectMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
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
