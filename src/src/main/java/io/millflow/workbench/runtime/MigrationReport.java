package io.millflow.workbench.runtime;

import java.util.List;
import java.util.Map;

/** What a migration did: instances moved (per activity they stood at) and those that could not move, with why. */
public record MigrationReport(long moved, long failed, Map<String, Long> movedByActivity, List<String> failures,
        int sourceVersion, int targetVersion) {
}
