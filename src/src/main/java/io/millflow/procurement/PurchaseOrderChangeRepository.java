package io.millflow.procurement;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrderChangeRepository extends JpaRepository<PurchaseOrderChange, UUID> {

    List<PurchaseOrderChange> findByPurchaseOrderIdOrderByCreatedAtDesc(UUID purchaseOrderId);

    Optional<PurchaseOrderChange> findByPurchaseOrderIdAndStatus(UUID purchaseOrderId, String status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PurchaseOrderChange c where c.id = :id")
    Optional<PurchaseOrderChange> lockById(UUID id);
}
