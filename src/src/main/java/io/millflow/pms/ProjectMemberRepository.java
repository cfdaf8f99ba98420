package io.millflow.pms;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectMemberRepository extends JpaRepository<ProjectMember, ProjectMember.Key> {
    List<ProjectMember> findByProjectIdOrderByUsername(UUID projectId);
    Optional<ProjectMember> findByProjectIdAndUsername(UUID projectId, String username);
    List<ProjectMember> findByUsername(String username);
}
