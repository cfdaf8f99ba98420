package io.millflow.pms;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDependencyRepository extends JpaRepository<TaskDependency, EdgeKey> {
    List<TaskDependency> findByProjectId(UUID projectId);
}
