package io.millflow.procurement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseOrderChangeLineRepository extends JpaRepository<PurchaseOrderChangeLine, UUID> {

    List<PurchaseOrderChangeLine> findByChangeIdOrderBySeq(UUID changeId);
}
