package io.millflow.ims;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface LotRepository extends JpaRepository<Lot, UUID>, JpaSpecificationExecutor<Lot> {
}
