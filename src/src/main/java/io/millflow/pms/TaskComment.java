package io.millflow.pms;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "task_comment")
class TaskComment {

    @Id
    private UUID id;
    @Column(name = "task_id", nullable = false)
    private UUID taskId;
    @Column(nullable = false)
    private String author;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @ElementCollection
    @CollectionTable(name = "task_mention", joinColumns = @JoinColumn(name = "comment_id"))
    @Column(name = "username")
    private Set<String> mentions = new TreeSet<>();

    protected TaskComment() {
    }

    TaskComment(UUID taskId, String author, String body, Set<String> mentions, Instant now) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.author = author;
        this.body = body;
        this.mentions.addAll(mentions);
        this.createdAt = now;
    }

    UUID getId() { return id; }
    UUID getTaskId() { return taskId; }
    String getAuthor() { return author; }
    String getBody() { return body; }
    Instant getCreatedAt() { return createdAt; }
    Set<String> getMentions() { return mentions; }
}
