package io.millflow.pms;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a task; {@code contentType} is the type found in the bytes, not the one the uploader said. */
public record AttachmentView(UUID id, UUID taskId, String fileName, String contentType, long sizeBytes,
        String sha256, String uploadedBy, Instant uploadedAt) {
}
