package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "project_member")
@IdClass(ProjectMember.Key.class)
class ProjectMember {

    static class Key implements Serializable {
        UUID projectId;
        String username;

        Key() {
        }

        Key(UUID projectId, String username) {
            this.projectId = projectId;
            this.username = username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(projectId, k.projectId)
                    && java.util.Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(projectId, username);
        }
    }

    @Id
    @Column(name = "project_id")
    private UUID projectId;
    @Id
    private String username;
    @Enumerated(EnumType.STRING)
    @Column(name = "project_role", nullable = false)
    private ProjectRole role;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ProjectMember() {
    }

    ProjectMember(UUID projectId, String username, ProjectRole role, Instant now) {
        this.projectId = projectId;
        this.username = username;
        this.role = role;
        this.addedAt = now;
    }

    void changeRole(ProjectRole role) {
        this.role = role;
    }

    UUID getProjectId() { return projectId; }
    String getUsername() { return username; }
    ProjectRole getRole() { return role; }

    MemberView view() {
        return new MemberView(username, role);
    }
}
