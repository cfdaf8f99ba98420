package io.millflow.procurement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseOrderLineRepository extends JpaRepository<PurchaseOrderLine, UUID> {

    List<PurchaseOrderLine> findByPurchaseOrderIdOrderByLineNo(UUID purchaseOrderId);

    List<PurchaseOrderLine> findByPurchaseOrderIdInOrderByLineNo(Collection<UUID> purchaseOrderIds);
}
