package io.millflow.procurement;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseRequisitionRepository extends JpaRepository<PurchaseRequisition, UUID> {

    Page<PurchaseRequisition> findByRequester(String requester, Pageable pageable);

    Page<PurchaseRequisition> findByRequesterAndStatus(String requester, RequisitionStatus status, Pageable pageable);

    Page<PurchaseRequisition> findByStatus(RequisitionStatus status, Pageable pageable);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PurchaseRequisition r where r.id = :id")
    Optional<PurchaseRequisition> lockById(UUID id);
}
