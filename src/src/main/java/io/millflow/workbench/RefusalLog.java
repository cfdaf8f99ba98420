package io.millflow.workbench;

import io.millflow.audit.AuditService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Audits a refused deployment in a transaction of its own, so the record stays when the refusal rolls back. */
@Component
class RefusalLog {

    private final AuditService audit;

    RefusalLog(AuditService audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String actor, String key, Object what, Object why) {
        audit.record(actor, "PROCESS_DEPLOY_REFUSED", ProcessModels.ENTITY, key, what, why);
    }
}
