package io.millflow.workers;

import java.util.List;
import org.operaton.bpm.engine.ExternalTaskService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Registers the workers of this module and the runner that feeds them. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "millflow.workers", name = "enabled", havingValue = "true", matchIfMissing = true)
    ExternalTaskRunner externalTaskRunner(ExternalTaskService externalTasks, List<ExternalTaskWorker> workers,
            WorkerProperties props) {
        return new ExternalTaskRunner(externalTasks, workers, props);
    }
}
