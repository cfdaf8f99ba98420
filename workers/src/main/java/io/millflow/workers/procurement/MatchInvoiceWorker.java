package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.SupplierInvoices;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code procurement.matchInvoice}: three-way match of the waiting invoice; a retry returns the recorded result. */
@Component
class MatchInvoiceWorker implements ExternalTaskWorker {

    private final SupplierInvoices invoices;

    MatchInvoiceWorker(SupplierInvoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public String topic() {
        return Topics.PROCUREMENT_MATCH_INVOICE;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.PURCHASE_ORDER_ID));
        return Map.of(Variables.INVOICE_MATCHED, invoices.match(id));
    }
}
