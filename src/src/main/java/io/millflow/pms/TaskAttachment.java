package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Metadata of a file attached to a task; the bytes are in the file store under {@code storageKey}. */
@Entity
@Table(name = "task_attachment")
class TaskAttachment {

    @Id
    private UUID id;
    @Column(name = "task_id", nullable = false)
    private UUID taskId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "storage_key", nullable = false, unique = true)
    private String storageKey;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected TaskAttachment() {
    }

    TaskAttachment(UUID id, UUID taskId, String fileName, String contentType, long sizeBytes, String sha256,
            String storageKey, String uploadedBy, Instant now) {
        this.id = id;
        this.taskId = taskId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    UUID getId() { return id; }
    UUID getTaskId() { return taskId; }
    String getFileName() { return fileName; }
    String getContentType() { return contentType; }
    long getSizeBytes() { return sizeBytes; }
    String getSha256() { return sha256; }
    String getStorageKey() { return storageKey; }
    String getUploadedBy() { return uploadedBy; }
    Instant getUploadedAt() { return uploadedAt; }
}
