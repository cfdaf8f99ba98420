package io.millflow.notification;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The notification jobs, durable in Quartz's clustered JDBC store (one node runs each firing; never two at once):
 * digests every {@code millflow.notifications.digest-cron} (default every 15 minutes; each person's digest goes out
 * once on the first run at or after their hour), overdue reminders ({@code overdue-cron}, default hourly at :05)
 * and retention ({@code retention-cron}, default 03:30). {@code millflow.notifications.jobs-enabled: false} leaves
 * them unscheduled (tests call the services directly).
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);
    static final String GROUP = "notification";
    static final String RUN = "run";
    static final String DIGEST = "digest";
    static final String OVERDUE = "overdue";
    static final String RETENTION = "retention";

    @Bean
    JobDetail notificationDigestJob() {
        return job(DIGEST, "Daily notification digests at each person's hour");
    }

    @Bean
    JobDetail notificationOverdueJob() {
        return job(OVERDUE, "Overdue task reminders, once per task, person and day");
    }

    @Bean
    JobDetail notificationRetentionJob() {
        return job(RETENTION, "Deletes old read notifications");
    }

    @Bean
    @ConditionalOnProperty(name = "millflow.notifications.jobs-enabled", matchIfMissing = true)
    Trigger notificationDigestTrigger(JobDetail notificationDigestJob,
            @Value("${millflow.notifications.digest-cron:0 0/15 * * * ?}") String cron) {
        return trigger(notificationDigestJob, "digest", cron);
    }

    @Bean
    @ConditionalOnProperty(name = "millflow.notifications.jobs-enabled", matchIfMissing = true)
    Trigger notificationOverdueTrigger(JobDetail notificationOverdueJob,
            @Value("${millflow.notifications.overdue-cron:0 5 * * * ?}") String cron) {
        return trigger(notificationOverdueJob, "overdue", cron);
    }

    @Bean
    @ConditionalOnProperty(name = "millflow.notifications.jobs-enabled", matchIfMissing = true)
    Trigger notificationRetentionTrigger(JobDetail notificationRetentionJob,
            @Value("${millflow.notifications.retention-cron:0 30 3 * * ?}") String cron) {
        return trigger(notificationRetentionJob, "retention", cron);
    }

    private static JobDetail job(String run, String description) {
        return JobBuilder.newJob(NotificationJob.class).withIdentity(run, GROUP).usingJobData(RUN, run)
                .withDescription(description).storeDurably().build();
    }

    private static Trigger trigger(JobDetail job, String name, String cron) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(name, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getDefault())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** Runs one of the three services, named by the job's data {@code run}; never twice at once per job. */
    @DisallowConcurrentExecution
    public static class NotificationJob extends QuartzJobBean {
        private final NotificationDigests digests;
        private final OverdueReminders reminders;
        private final NotificationRetention retention;

        public NotificationJob(NotificationDigests digests, OverdueReminders reminders, NotificationRetention retention) {
            this.digests = digests;
            this.reminders = reminders;
            this.retention = retention;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            String run = context.getMergedJobDataMap().getString(RUN);
            Object result = switch (run) {
                case DIGEST -> digests.runNow();
                case OVERDUE -> reminders.runNow();
                case RETENTION -> retention.runNow();
                default -> throw new IllegalStateException("Unknown notification job " + run);
            };
            log.info("Notification job {}: {}", run, result);
        }
    }
}
