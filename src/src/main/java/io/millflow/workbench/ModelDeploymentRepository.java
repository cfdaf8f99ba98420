package io.millflow.workbench;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelDeploymentRepository extends JpaRepository<ModelDeployment, UUID> {
    List<ModelDeployment> findByDeploymentIdIn(Collection<String> deploymentIds);
}
