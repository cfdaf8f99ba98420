package io.millflow.pms;

import java.util.UUID;

public record DependencyCommand(UUID predecessorId, UUID successorId, DependencyKind kind, int lagDays) {
}
