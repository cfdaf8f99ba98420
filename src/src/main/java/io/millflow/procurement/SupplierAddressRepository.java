package io.millflow.procurement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierAddressRepository extends JpaRepository<SupplierAddress, UUID> {

    List<SupplierAddress> findBySupplierIdOrderByKind(UUID supplierId);

    void deleteBySupplierId(UUID supplierId);
}
