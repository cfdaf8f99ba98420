package io.millflow.pms;

import java.time.Instant;

public record HistoryEntry(String changedBy, Instant changedAt, String field, String oldValue, String newValue) {
}
