package io.millflow.procurement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseOrderChangeApprovalRepository extends JpaRepository<PurchaseOrderChangeApproval, UUID> {

    List<PurchaseOrderChangeApproval> findByChangeIdOrderByLevel(UUID changeId);
}
