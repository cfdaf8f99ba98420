package io.millflow.ims;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly replenishment run: a durable Quartz job in the clustered JDBC store, so one node of the cluster
 * starts it, with a cron trigger from {@code millflow.replenishment.nightly-cron} (default 02:00) in the
 * calendar's time zone. {@code millflow.replenishment.nightly-enabled: false} leaves it unscheduled.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplenishmentProperties.class)
class ReplenishmentScheduling {

    static final String JOB = "replenishment-nightly";

    @Bean
    JobDetail replenishmentNightlyJob() {
        return JobBuilder.newJob(ReplenishmentNightlyJob.class).withIdentity(JOB, "millflow")
                .withDescription("Nightly replenishment run (issue #5)").storeDurably().requestRecovery().build();
    }

    @Bean
    @ConditionalOnProperty(name = "millflow.replenishment.nightly-enabled", matchIfMissing = true)
    Trigger replenishmentNightlyTrigger(JobDetail replenishmentNightlyJob, ReplenishmentProperties props,
            @Value("${millflow.calendar.zone:UTC}") String zone) {
        return TriggerBuilder.newTrigger().forJob(replenishmentNightlyJob).withIdentity(JOB, "millflow")
                .withSchedule(CronScheduleBuilder.cronSchedule(props.nightlyCron()).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
