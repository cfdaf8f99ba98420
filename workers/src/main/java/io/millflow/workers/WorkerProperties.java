package io.millflow.workers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry and polling policy of the external-task workers ({@code millflow.workers.*}).
 *
 * @param enabled       whether this node runs workers at all
 * @param pollInterval  pause between fetches when no task was found
 * @param lockDuration  how long a fetched task stays locked to this node
 * @param maxTasks      tasks fetched per poll
 * @param threads       tasks handled in parallel
 * @param retries       attempts before an incident is raised
 * @param retryBackoff  first pause before a retry; doubles with each further failure
 */
@ConfigurationProperties("millflow.workers")
public record WorkerProperties(
        Boolean enabled,
        Duration pollInterval,
        Duration lockDuration,
        Integer maxTasks,
        Integer threads,
        Integer retries,
        Duration retryBackoff) {

    public WorkerProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        lockDuration = lockDuration == null ? Duration.ofMinutes(2) : lockDuration;
        maxTasks = maxTasks == null ? 10 : maxTasks;
        threads = threads == null ? 4 : threads;
        retries = retries == null ? 3 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(10) : retryBackoff;
    }
}
