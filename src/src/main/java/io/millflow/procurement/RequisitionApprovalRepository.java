package io.millflow.procurement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequisitionApprovalRepository extends JpaRepository<RequisitionApproval, UUID> {

    List<RequisitionApproval> findByRequisitionIdOrderByLevel(UUID requisitionId);

    List<RequisitionApproval> findByRequisitionIdInOrderByLevel(Collection<UUID> requisitionIds);
}
