package io.millflow.ims;

import io.millflow.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Problems of the stock ledger that are not plain input errors. */
public final class StockProblems {

    private StockProblems() {
    }

    /** The stock asked for is not there (or is reserved for someone else). */
    public static class InsufficientStock extends ProblemException {
        public InsufficientStock(String field, String message) {
            super(HttpStatus.CONFLICT, "insufficient-stock", message, field);
        }
    }

    /** The document or move was reversed already. */
    public static class AlreadyReversed extends ProblemException {
        public AlreadyReversed(String message) {
            super(HttpStatus.CONFLICT, "already-reversed", message, null);
        }
    }
}
