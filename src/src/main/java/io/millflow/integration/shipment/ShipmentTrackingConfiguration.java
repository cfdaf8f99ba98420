package io.millflow.integration.shipment;

import java.time.Duration;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking poll as a clustered Quartz job, every {@code millflow.carriers.tracking.poll-interval} (default 30
 * minutes), first one interval after start. Boot registers the beans with the scheduler; with
 * {@code spring.quartz.overwrite-existing-jobs} a changed interval replaces the stored trigger.
 */
@Configuration(proxyBeanMethods = false)
class ShipmentTrackingConfiguration {

    static final JobKey JOB = JobKey.jobKey("shipment-tracking-poll", "integration");

    @Bean
    JobDetail shipmentTrackingJob() {
        return JobBuilder.newJob(ShipmentTrackingJob.class).withIdentity(JOB)
                .withDescription("Polls carriers for the tracking of open shipments").storeDurably().requestRecovery()
                .build();
    }

    @Bean
    Trigger shipmentTrackingTrigger(JobDetail shipmentTrackingJob,
            @Value("${millflow.carriers.tracking.poll-interval:30m}") Duration interval) {
        if (interval.isNegative() || interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalStateException("millflow.carriers.tracking.poll-interval must be at least 1 minute");
        }
        return TriggerBuilder.newTrigger().forJob(shipmentTrackingJob).withIdentity("shipment-tracking-poll", "integration")
                .startAt(new Date(System.currentTimeMillis() + interval.toMillis()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
