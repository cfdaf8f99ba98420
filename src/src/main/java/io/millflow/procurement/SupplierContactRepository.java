package io.millflow.procurement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierContactRepository extends JpaRepository<SupplierContact, UUID> {

    List<SupplierContact> findBySupplierIdOrderByName(UUID supplierId);

    void deleteBySupplierId(UUID supplierId);
}
