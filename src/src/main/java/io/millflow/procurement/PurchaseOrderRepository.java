package io.millflow.procurement;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, UUID> {

    Optional<PurchaseOrder> findByRequisitionId(UUID requisitionId);

    long countByRequisitionId(UUID requisitionId);
}
