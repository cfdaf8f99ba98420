package io.millflow.integration.shipment;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job of the tracking poll. The JDBC job store is clustered, so one node runs it at a time, and
 * {@code @DisallowConcurrentExecution} keeps a slow run from overlapping the next.
 */
@DisallowConcurrentExecution
class ShipmentTrackingJob extends QuartzJobBean {

    private final ShipmentTracking tracking;

    ShipmentTrackingJob(ShipmentTracking tracking) {
        this.tracking = tracking;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        tracking.pollOpenShipments();
    }
}
