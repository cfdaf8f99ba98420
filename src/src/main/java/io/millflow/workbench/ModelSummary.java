package io.millflow.workbench;

import java.time.Instant;

/** A model key as the list shows it: latest deployed version (null when only drafts exist) and open drafts. */
public record ModelSummary(ModelKind kind, String key, String name, Integer latestVersion, Instant deployedAt,
        String deployedBy, int drafts) {
}
