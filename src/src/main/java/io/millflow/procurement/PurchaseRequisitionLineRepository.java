package io.millflow.procurement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseRequisitionLineRepository extends JpaRepository<PurchaseRequisitionLine, UUID> {

    List<PurchaseRequisitionLine> findByRequisitionIdOrderByLineNo(UUID requisitionId);

    List<PurchaseRequisitionLine> findByRequisitionIdInOrderByLineNo(Collection<UUID> requisitionIds);

    List<PurchaseRequisitionLine> findByProposalIdIn(Collection<UUID> proposalIds);
}
