package io.millflow.workers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fetches external tasks of all topics this node has workers for, hands each to its worker and
 * completes it, raises its BPMN error, or records a failure. Failures are retried with exponential
 * backoff; the last failure leaves retries at 0, which the engine shows as an incident (Cockpit).
 * Any number of nodes may run this at once: the engine's locks give each task to one of them.
 */
public class ExternalTaskRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskRunner.class);

    private final ExternalTaskService externalTasks;
    private final Map<String, ExternalTaskWorker> workers;
    private final WorkerProperties props;
    private final String workerId = "millflow-" + UUID.randomUUID();
    private volatile boolean running;
    private Thread poller;
    private ExecutorService pool;

    public ExternalTaskRunner(ExternalTaskService externalTasks, List<ExternalTaskWorker> workers,
            WorkerProperties props) {
        this.externalTasks = externalTasks;
        this.workers = workers.stream().collect(Collectors.toMap(ExternalTaskWorker::topic, Function.identity()));
        this.props = props;
    }

    @Override
    public synchronized void start() {
        if (running || workers.isEmpty()) {
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(props.threads(), r -> {
            Thread t = new Thread(r, "external-task-worker");
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(this::pollLoop, "external-task-poller");
        poller.setDaemon(true);
        poller.start();
        log.info("External-task runner {} serving topics {}", workerId, workers.keySet());
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start after the engine and the web server, stop before them
        return Integer.MAX_VALUE - 100;
    }

    private void pollLoop() {
        while (running) {
            try {
                int handled = pollOnce();
                if (handled == 0) {
                    Thread.sleep(props.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Fetching external tasks failed: {}", e.toString());
                try {
                    Thread.sleep(Math.max(1000, props.pollInterval().toMillis()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Fetches and handles one batch; returns how many tasks were handled. */
    int pollOnce() throws InterruptedException {
        ExternalTaskQueryBuilder fetch = externalTasks.fetchAndLock(props.maxTasks(), workerId, true);
        for (String topic : workers.keySet()) {
            fetch = fetch.topic(topic, props.lockDuration().toMillis());
        }
        List<LockedExternalTask> locked = fetch.execute();
        List<Future<?>> inFlight = locked.stream().<Future<?>>map(t -> pool.submit(() -> handle(t))).toList();
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("Worker thread failed", e.getCause());
            }
        }
        return locked.size();
    }

    void handle(LockedExternalTask task) {
        ExternalTaskWorker worker = workers.get(task.getTopicName());
        try {
            Map<String, Object> vars = worker.handle(task);
            externalTasks.complete(task.getId(), workerId, vars);
        } catch (WorkerBpmnError e) {
            log.info("Task {} ({}) raised BPMN error {}: {}", task.getId(), task.getTopicName(), e.errorCode(),
                    e.getMessage());
            externalTasks.handleBpmnError(task.getId(), workerId, e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            int left = (task.getRetries() == null ? props.retries() : task.getRetries()) - 1;
            long backoff = props.retryBackoff().toMillis() * (1L << Math.min(10, Math.max(0, props.retries() - left - 1)));
            log.warn("Task {} ({}, business key {}) failed, {} retries left: {}", task.getId(), task.getTopicName(),
                    task.getBusinessKey(), Math.max(left, 0), e.toString());
            try {
                externalTasks.handleFailure(task.getId(), workerId, abbreviate(e.toString()), stackTrace(e),
                        Math.max(left, 0), backoff);
            } catch (RuntimeException failure) {
                log.error("Could not record the failure of task {}", task.getId(), failure);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) : s;
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
