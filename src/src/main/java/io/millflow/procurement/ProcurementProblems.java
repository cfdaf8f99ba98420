package io.millflow.procurement;

import io.millflow.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Problems of purchasing that are not plain input errors. */
public final class ProcurementProblems {

    private ProcurementProblems() {
    }

    /**
     * The supplier is blocked. 422 when a requisition asks for it (nothing is written), 409 when a purchase order
     * is to be sent or assigned to it (the order stays as it was).
     */
    public static class SupplierBlocked extends ProblemException {
        private SupplierBlocked(HttpStatus status, String field, String message) {
            super(status, "supplier-blocked", message, field);
        }

        static SupplierBlocked inRequest(String field, Supplier supplier) {
            return new SupplierBlocked(HttpStatus.UNPROCESSABLE_ENTITY, field, message(supplier));
        }

        static SupplierBlocked forOrder(Supplier supplier) {
            return new SupplierBlocked(HttpStatus.CONFLICT, "supplierId", message(supplier));
        }

        private static String message(Supplier s) {
            return "Supplier " + s.getCode() + " is blocked" + (s.getBlockedReason() == null ? ""
                    : ": " + s.getBlockedReason()) + "; no purchase order may go to it";
        }
    }

    /** The supplier item has no price for the quantity on the day. */
    public static class NoPrice extends ProblemException {
        NoPrice(String field, String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "no-price", message, field);
        }
    }

    /** The purchase order is in a state that does not allow the request (e.g. goods received, cancelled). */
    public static class OrderNotChangeable extends ProblemException {
        OrderNotChangeable(String message) {
            super(HttpStatus.CONFLICT, "order-not-changeable", message, null);
        }
    }
}
