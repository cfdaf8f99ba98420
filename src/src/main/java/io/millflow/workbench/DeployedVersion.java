package io.millflow.workbench;

import java.time.Instant;

/**
 * One deployed version of a model. {@code source} is {@code INSTALLED} for the models of {@code bpmn/} (deployed at
 * start, or restored from there) and {@code WORKBENCH} for versions deployed from a draft or an upload.
 */
public record DeployedVersion(ModelKind kind, String key, int version, String definitionId, String deploymentId,
        String deployedBy, Instant deployedAt, String source, String comment, Integer historyTimeToLiveDays) {

    public static final String INSTALLED = "INSTALLED";
    public static final String WORKBENCH = "WORKBENCH";
}
