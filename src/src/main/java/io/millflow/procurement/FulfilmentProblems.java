package io.millflow.procurement;

import io.millflow.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Problems of purchase-order fulfilment that are not plain input errors. */
public final class FulfilmentProblems {

    private FulfilmentProblems() {
    }

    /** More than is open on the order line (plus the over-delivery tolerance). 422. */
    public static class OverQuantity extends ProblemException {
        public OverQuantity(String field, String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "over-quantity", message, field);
        }
    }

    /** The invoice's currency is not the order's. 422. */
    public static class CurrencyMismatch extends ProblemException {
        public CurrencyMismatch(String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "currency-mismatch", message, "currency");
        }
    }

    /** The supplier sent this invoice number already. 409. */
    public static class DuplicateInvoice extends ProblemException {
        public DuplicateInvoice(String message) {
            super(HttpStatus.CONFLICT, "duplicate-invoice", message, "invoiceNumber");
        }
    }

    /** The order is in a state that forbids this step (e.g. a receipt for a CLOSED order). 409. */
    public static class OrderState extends ProblemException {
        public OrderState(String message) {
            super(HttpStatus.CONFLICT, "purchase-order-state", message, null);
        }
    }
}
