package io.millflow.procurement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierItemRepository extends JpaRepository<SupplierItem, UUID> {

    List<SupplierItem> findBySupplierIdOrderBySupplierSku(UUID supplierId);

    List<SupplierItem> findByItemId(UUID itemId);

    Optional<SupplierItem> findBySupplierIdAndItemId(UUID supplierId, UUID itemId);

    Optional<SupplierItem> findBySupplierIdAndSupplierSku(UUID supplierId, String supplierSku);

    Optional<SupplierItem> findByItemIdAndPreferredTrue(UUID itemId);

    List<SupplierItem> findByItemIdInAndPreferredTrue(Collection<UUID> itemIds);
}
