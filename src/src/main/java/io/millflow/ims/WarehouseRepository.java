package io.millflow.ims;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WarehouseRepository extends JpaRepository<Warehouse, UUID> {
    List<Warehouse> findBySiteIdOrderByCode(UUID siteId);
}
