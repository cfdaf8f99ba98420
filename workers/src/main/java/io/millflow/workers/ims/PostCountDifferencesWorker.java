package io.millflow.workers.ims;

import io.millflow.ims.CycleCounts;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code ims.postCountDifferences}: posts a count's approved differences as 701/702 (idempotent). */
@Component
class PostCountDifferencesWorker implements ExternalTaskWorker {

    private final CycleCounts counts;

    PostCountDifferencesWorker(CycleCounts counts) {
        this.counts = counts;
    }

    @Override
    public String topic() {
        return Topics.IMS_POST_COUNT_DIFFERENCES;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID countId = UUID.fromString((String) task.getVariables().get(Variables.CYCLE_COUNT_ID));
        return Map.of(Variables.STOCK_DOCUMENT_NUMBER, String.join(",", counts.postApproved(countId)));
    }
}
