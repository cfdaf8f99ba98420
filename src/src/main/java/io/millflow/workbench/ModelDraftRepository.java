package io.millflow.workbench;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelDraftRepository extends JpaRepository<ModelDraft, UUID> {
    List<ModelDraft> findByKeyOrderByUpdatedAtDesc(String key);
    List<ModelDraft> findAllByOrderByUpdatedAtDesc();
}
