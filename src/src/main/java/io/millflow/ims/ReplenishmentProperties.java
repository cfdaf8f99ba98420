package io.millflow.ims;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of replenishment runs ({@code millflow.replenishment.*}).
 *
 * @param nightlyCron Quartz cron expression of the nightly run (default 02:00 every day)
 * @param nightlyEnabled whether the nightly job is scheduled at all
 * @param batchSize pairs loaded, planned and written per batch
 * @param threads planning threads (0 = one per core)
 * @param historyDays days of demand history a run plans from (ending yesterday)
 * @param defaultLeadTimeDays lead time when neither the rule nor the preferred supplier gives one
 */
@ConfigurationProperties("millflow.replenishment")
public record ReplenishmentProperties(String nightlyCron, Boolean nightlyEnabled, Integer batchSize, Integer threads,
        Integer historyDays, Integer defaultLeadTimeDays) {

    public ReplenishmentProperties {
        nightlyCron = nightlyCron == null || nightlyCron.isBlank() ? "0 0 2 * * ?" : nightlyCron;
        nightlyEnabled = nightlyEnabled == null || nightlyEnabled;
        batchSize = batchSize == null || batchSize < 1 ? 5_000 : batchSize;
        threads = threads == null || threads < 1 ? Runtime.getRuntime().availableProcessors() : threads;
        historyDays = historyDays == null || historyDays < 1 ? 730 : historyDays;
        defaultLeadTimeDays = defaultLeadTimeDays == null || defaultLeadTimeDays < 1 ? 14 : defaultLeadTimeDays;
    }
}
