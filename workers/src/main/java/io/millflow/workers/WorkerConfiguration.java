package io.millflow.workers;

import java.util.List;
import org.operaton.bpm.engine.ExternalTaskService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runner that feeds this module's workers (the workers are components found by the application's scan). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "millflow.workers", name = "enabled", havingValue = "true", matchIfMissing = true)
    ExternalTaskRunner externalTaskRunner(ExternalTaskService externalTasks, List<ExternalTaskWorker> workers,
            WorkerProperties props) {
        return new ExternalTaskRunner(externalTasks, workers, props);
    }
}
