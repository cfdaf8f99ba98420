package io.millflow.ims;

import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.ReversalCommand;
import io.millflow.security.CurrentUser;
import io.millflow.shared.Idempotency;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Posting documents and reversing them. Roles: WAREHOUSE. A posting that loses a deadlock or lock wait
 * against another one is run again (up to three times) in a fresh transaction.
 */
@Service
@Validated
public class StockPostings {

    /** A posted document, and whether it is the stored answer of an earlier request with the same key. */
    public record Posted(DocumentView document, boolean replayed) {
    }

    private static final Logger log = LoggerFactory.getLogger(StockPostings.class);
    private static final int ATTEMPTS = 3;

    private final StockLedger ledger;
    private final Idempotency idempotency;
    private final TransactionTemplate tx;

    StockPostings(StockLedger ledger, Idempotency idempotency, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.tx = new TransactionTemplate(transactions);
    }

    @PreAuthorize("hasRole('WAREHOUSE')")
    public Posted post(@Valid PostingCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        return once("stock-documents", idempotencyKey, actor, cmd, () -> ledger.post(cmd, actor, false));
    }

    @PreAuthorize("hasRole('WAREHOUSE')")
    public Posted reverse(UUID documentId, @Valid ReversalCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        String reason = cmd == null ? null : cmd.reason();
        return once("stock-documents/reversal", idempotencyKey, actor, Map.of("document", documentId.toString(),
                "reason", reason == null ? "" : reason), () -> ledger.reverse(documentId, reason, actor));
    }

    private Posted once(String scope, String key, String actor, Object request, Supplier<DocumentView> action) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx.execute(status -> {
                    if (key != null) {
                        Optional<DocumentView> earlier = idempotency.claim(scope, key, actor, request, DocumentView.class);
                        if (earlier.isPresent()) {
                            return new Posted(earlier.get(), true);
                        }
                    }
                    DocumentView doc = action.get();
                    if (key != null) {
                        idempotency.remember(scope, key, 201, doc);
                    }
                    return new Posted(doc, false);
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info("Posting lost a lock race (attempt {}): {}; trying again", attempt, e.getMostSpecificCause().getMessage());
            }
        }
    }
}
