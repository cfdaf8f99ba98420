package io.millflow.pms;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A comment on a task with the users it @mentions. */
public record CommentView(UUID id, UUID taskId, String author, String body, Instant createdAt, Set<String> mentions) {
}
