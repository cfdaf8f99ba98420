package io.millflow.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Node-local housekeeping ({@code @Scheduled}); work that must run once per cluster uses Quartz instead. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
