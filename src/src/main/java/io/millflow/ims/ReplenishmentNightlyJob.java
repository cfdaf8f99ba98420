package io.millflow.ims;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Starts the nightly replenishment run and its {@code stock-replenishment} process. Never two at once in the
 * cluster ({@link DisallowConcurrentExecution} with the clustered store); a run still computing makes the job skip.
 */
@DisallowConcurrentExecution
public class ReplenishmentNightlyJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ReplenishmentNightlyJob.class);

    private final ReplenishmentRuns runs;

    public ReplenishmentNightlyJob(ReplenishmentRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        try {
            runs.startNightly().ifPresentOrElse(run -> log.info("Nightly replenishment run {} started", run.id()),
                    () -> log.warn("Nightly replenishment run skipped: another run is still computing"));
        } catch (RuntimeException e) {
            throw new JobExecutionException("Nightly replenishment run could not start", e, false);
        }
    }
}
