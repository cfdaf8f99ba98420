package io.millflow.pms;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TemplateDependencyRepository extends JpaRepository<TemplateDependency, EdgeKey> {
    List<TemplateDependency> findByTemplateId(UUID templateId);
}
