package io.millflow.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record Notification(UUID id, String username, NotificationKind kind, String title, String body,
                           String link /* app-relative, e.g. "/inbox?task=<id>" or "/projects/<id>" */,
                           Map<String, String> data /* e.g. taskId, processDefinitionKey, projectId */,
                           Instant createdAt, Instant readAt) {}
