package io.millflow.app;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * At start-up only the {@code bpmn/} files that changed since the last start are deployed as new versions. Without
 * this, one changed file redeploys every shipped model, and a version a process owner deployed from the workbench
 * would silently stop being the newest of its process after any release.
 */
@Component
public class ChangedModelsOnly extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
            spring.setDeployChangedOnly(true);
        }
    }
}
