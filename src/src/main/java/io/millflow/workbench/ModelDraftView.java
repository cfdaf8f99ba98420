package io.millflow.workbench;

import java.time.Instant;
import java.util.UUID;

/** A draft of a model: its content, the deployed version it started from, who wrote it, its optimistic version. */
public record ModelDraftView(UUID id, ModelKind kind, String key, String name, String xml, Integer baseVersion,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {
}
