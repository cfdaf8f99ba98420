package io.millflow.ims;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteRepository extends JpaRepository<Site, UUID> {
}
