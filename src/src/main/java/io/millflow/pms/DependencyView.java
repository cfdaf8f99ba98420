package io.millflow.pms;

import java.util.UUID;

public record DependencyView(UUID predecessorId, UUID successorId, DependencyKind kind, int lagDays) {
}
