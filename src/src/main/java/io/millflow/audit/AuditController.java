package io.millflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail. Roles: ADMIN only. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    record AuditEntry(String id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            String before, String after) {
    }

    record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Audit records, newest first (ADMIN)")
    AuditPage find(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500),
                Sort.by(Sort.Direction.DESC, "occurredAt"));
        Page<AuditRecord> result = audit.find(blankToNull(entityType), blankToNull(entityId), request);
        return new AuditPage(result.map(r -> new AuditEntry(r.getId().toString(), r.getOccurredAt(), r.getActor(),
                r.getAction(), r.getEntityType(), r.getEntityId(), r.getBefore(), r.getAfter())).getContent(),
                result.getNumber(), result.getSize(), result.getTotalElements());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
