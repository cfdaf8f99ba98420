package io.millflow.ims;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface LocationRepository extends JpaRepository<Location, UUID>, JpaSpecificationExecutor<Location> {
    List<Location> findByVirtualTrueOrderByCode();

    List<Location> findByWarehouseIdOrderByPath(UUID warehouseId);

    boolean existsByParentId(UUID parentId);
}
