package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.AppTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;

/**
 * The models of {@code bpmn/} (processes, decisions and forms) are deployed at start-up, and only a changed file
 * becomes a new version, so a version deployed from the process workbench stays the newest across restarts and
 * releases that do not change that file.
 */
@AppTest
class ShippedModelsDeploymentTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void startUpDeploysShippedModelsAndOnlyChangedOnesLater() {
        SpringProcessEngineConfiguration configuration =
                (SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration();
        assertThat(configuration.isDeployChangedOnly()).isTrue();
        assertThat(Arrays.stream(configuration.getDeploymentResources()).map(Resource::getFilename))
                .contains("purchase-requisition.bpmn", "purchase-approval-levels.dmn", "finance-review.form");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("purchase-requisition").count()).isPositive();
    }
}
