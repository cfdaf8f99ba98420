package io.millflow.pms;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectTemplateRepository extends JpaRepository<ProjectTemplate, UUID> {
    Optional<ProjectTemplate> findByCode(String code);
    boolean existsByCode(String code);
    List<ProjectTemplate> findAllByOrderByCode();
}
