package io.millflow.workbench.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a migration from one version to another would do, computed without changing anything: the plan's
 * instructions, source activities that hold instances but have no counterpart, instances per activity, and the
 * engine's validation failures ({@code problems}; empty when the plan is valid).
 */
public record MigrationPreview(String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
        int targetVersion, List<MigrationInstruction> instructions, List<String> unmappedActivities,
        Map<String, Long> instancesByActivity, long instances, List<String> problems) {
}
