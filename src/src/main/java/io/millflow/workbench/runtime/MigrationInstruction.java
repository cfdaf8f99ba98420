package io.millflow.workbench.runtime;

/** One line of a migration plan: instances at the source activity move to the target activity. */
public record MigrationInstruction(String sourceActivityId, String targetActivityId) {
}
