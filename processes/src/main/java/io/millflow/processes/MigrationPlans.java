package io.millflow.processes;

import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.migration.MigrationPlan;

/**
 * How running instances move from one version of a process to another: every activity maps to the activity with
 * the same id in the target version (Operaton's {@code mapEqualActivities}). The workbench and the process test
 * build plans here, so the test proves what the product does.
 */
public final class MigrationPlans {

    private MigrationPlans() {
    }

    /**
     * The plan from one deployed definition to another. Throws Operaton's
     * {@link org.operaton.bpm.engine.migration.MigrationPlanValidationException} when the plan cannot be valid
     * (its report lists the failures per instruction).
     */
    public static MigrationPlan equalActivities(RuntimeService runtime, String sourceDefinitionId,
            String targetDefinitionId) {
        return runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities().build();
    }
}
