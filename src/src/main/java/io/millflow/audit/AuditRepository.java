package io.millflow.audit;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRepository extends JpaRepository<AuditRecord, UUID> {

    Page<AuditRecord> findByEntityTypeAndEntityId(String entityType, String entityId, Pageable pageable);

    Page<AuditRecord> findByEntityType(String entityType, Pageable pageable);

    long countByEntityTypeAndEntityId(String entityType, String entityId);
}
