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

    @Bean
    JobDetail notificationDigestJob() {
        return JobBuilder.newJob(DigestJob.class).withIdentity("digest", GROUP)
                .withDescription("Daily notification digests at each person's hour").storeDurably().build();
    }

    @Bean
    JobDetail notificationOverdueJob() {
        return JobBuilder.newJob(OverdueJob.class).withIdentity("overdue", GROUP)
                .withDescription("Overdue task reminders, once per task, person and day").storeDurably().build();
    }

    @Bean
    JobDetail notificationRetentionJob() {
        return JobBuilder.newJob(RetentionJob.class).withIdentity("retention", GROUP)
                .withDescription("Deletes old read notifications").storeDurably().build();
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

    private static Trigger trigger(JobDetail job, String name, String cron) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(name, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getDefault())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    public static class DigestJob extends QuartzJobBean {
        private final NotificationDigests digests;

        public DigestJob(NotificationDigests digests) {
            this.digests = digests;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            int sent = digests.runNow();
            if (sent > 0) {
                log.info("Notification digests sent to {} people", sent);
            }
        }
    }

    @DisallowConcurrentExecution
    public static class OverdueJob extends QuartzJobBean {
        private final OverdueReminders reminders;

        public OverdueJob(OverdueReminders reminders) {
            this.reminders = reminders;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            int sent = reminders.runNow();
            if (sent > 0) {
                log.info("{} overdue reminders sent", sent);
            }
        }
    }

    @DisallowConcurrentExecution
    public static class RetentionJob extends QuartzJobBean {
        private final NotificationRetention retention;

        public RetentionJob(NotificationRetention retention) {
            this.retention = retention;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            log.info("Notification retention: {}", retention.runNow());
        }
    }
}
