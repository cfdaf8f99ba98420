package io.millflow.calendar;

import io.millflow.calendar.google.GoogleCalendarClient;
import java.time.Clock;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Google sync when {@code millflow.calendar.google.enabled=true}: the gateway and two clustered Quartz jobs (one
 * node runs each at a time; {@code @DisallowConcurrentExecution} keeps a slow run from overlapping the next) — the sync
 * (pull, then push the outbox) every {@code sync-interval}, the reconcile every {@code reconcile-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoogleCalendarProperties.class)
class CalendarSyncConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "millflow.calendar.google", name = "enabled", havingValue = "true")
    static class Enabled {

        @Bean
        CalendarGateway googleCalendarGateway(GoogleCalendarProperties settings, Clock clock) {
            settings.validate();
            return GoogleCalendarClient.create(settings, clock);
        }

        @Bean
        JobDetail calendarSyncJob() {
            return JobBuilder.newJob(SyncJob.class).withIdentity("calendar-sync", "calendar")
                    .withDescription("Pulls Google Calendar changes and pushes the calendar outbox").storeDurably()
                    .build();
        }

        @Bean
        Trigger calendarSyncTrigger(JobDetail calendarSyncJob, GoogleCalendarProperties settings) {
            return every(calendarSyncJob, "calendar-sync", settings.syncInterval().toMillis());
        }

        @Bean
        JobDetail calendarReconcileJob() {
            return JobBuilder.newJob(ReconcileJob.class).withIdentity("calendar-reconcile", "calendar")
                    .withDescription("Compares every plan entry with what the calendar has").storeDurably().build();
        }

        @Bean
        Trigger calendarReconcileTrigger(JobDetail calendarReconcileJob, GoogleCalendarProperties settings) {
            return every(calendarReconcileJob, "calendar-reconcile", settings.reconcileInterval().toMillis());
        }

        private static Trigger every(JobDetail job, String name, long millis) {
            if (millis < 60_000) {
                throw new IllegalStateException("millflow.calendar.google intervals must be at least 1 minute");
            }
            return TriggerBuilder.newTrigger().forJob(job).withIdentity(name, "calendar")
                    .startAt(new Date(System.currentTimeMillis() + 60_000))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis)
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }

    @DisallowConcurrentExecution
    static class SyncJob extends QuartzJobBean {

        private static final Logger log = LoggerFactory.getLogger(SyncJob.class);
        private final CalendarSync sync;
        private final CalendarGateway gateway;
        private final GoogleCalendarProperties settings;

        SyncJob(CalendarSync sync, CalendarGateway gateway, GoogleCalendarProperties settings) {
            this.sync = sync;
            this.gateway = gateway;
            this.settings = settings;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            try {
                CalendarSync.Result r = sync.run(gateway, settings.calendarId(), settings.batchSize());
                log.info("Calendar sync: {}", r);
            } catch (CalendarException e) {
                log.warn("Calendar sync failed, next run in {}: {}", settings.syncInterval(), e.getMessage());
            }
        }
    }

    @DisallowConcurrentExecution
    static class ReconcileJob extends QuartzJobBean {

        private final CalendarSync sync;
        private final GoogleCalendarProperties settings;

        ReconcileJob(CalendarSync sync, GoogleCalendarProperties settings) {
            this.sync = sync;
            this.settings = settings;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            sync.reconcile(settings.allocationWeeksBack(), settings.allocationWeeksAhead());
        }
    }
}
