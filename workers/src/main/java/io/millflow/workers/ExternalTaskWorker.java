package io.millflow.workers;

import java.util.Map;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

/**
 * One worker per topic: reads the task's variables, calls one core service, returns the variables to
 * complete with. Throwing {@link WorkerBpmnError} raises a BPMN error; any other exception is a failure
 * that {@link ExternalTaskRunner} retries and, when retries run out, turns into an incident.
 * Workers must be idempotent: a task may be delivered again after a crash.
 */
public interface ExternalTaskWorker {

    /** The topic this worker serves, a constant of {@code Topics}. */
    String topic();

    Map<String, Object> handle(LockedExternalTask task);
}
