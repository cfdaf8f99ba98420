package io.millflow.pms;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TemplateTaskRepository extends JpaRepository<TemplateTask, UUID> {
    List<TemplateTask> findByTemplateIdOrderByPosition(UUID templateId);
}
