package io.millflow.procurement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierPriceRepository extends JpaRepository<SupplierPrice, UUID> {

    List<SupplierPrice> findBySupplierItemIdOrderByValidFromAscMinQuantityAsc(UUID supplierItemId);

    List<SupplierPrice> findBySupplierItemIdIn(Collection<UUID> supplierItemIds);

    void deleteBySupplierItemId(UUID supplierItemId);
}
