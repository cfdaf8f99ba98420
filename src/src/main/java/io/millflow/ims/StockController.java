package io.millflow.ims;

import io.millflow.ims.StockPostings.Posted;
import io.millflow.ims.StockQueries.MoveFilter;
import io.millflow.ims.StockQueries.StockFilter;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.MoveView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.ReversalCommand;
import io.millflow.ims.StockViews.StockPage;
import io.millflow.ims.StockViews.StockPoint;
import io.millflow.ims.StockViews.ValuationView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock ledger over REST. Roles: WAREHOUSE posts and reverses; WAREHOUSE, BUYER, MANAGER, FINANCE and
 * ADMIN read; ADMIN runs the integrity check. POSTs that post stock honour an {@code Idempotency-Key} header.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Stock")
class StockController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final StockPostings postings;
    private final StockQueries queries;
    private final StockIntegrity integrity;

    StockController(StockPostings postings, StockQueries queries, StockIntegrity integrity) {
        this.postings = postings;
        this.queries = queries;
        this.integrity = integrity;
    }

    @GetMapping("/stock")
    @Operation(summary = "On hand, reserved, available and incoming per item, location and lot, with totals; paged")
    StockPage stock(@RequestParam(required = false) UUID itemId, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID siteId, @RequestParam(required = false) UUID warehouseId,
            @Parameter(description = "a location: its whole subtree") @RequestParam(required = false) UUID under,
            @RequestParam(required = false) UUID locationId, @RequestParam(required = false) String lot,
            @RequestParam(defaultValue = "false") boolean includeEmpty, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.stock(new StockFilter(itemId, q, siteId, warehouseId, under, locationId, lot, includeEmpty), page,
                size);
    }

    @GetMapping("/stock/valuation")
    @Operation(summary = "Quantity, value and moving-average unit cost of an item per site")
    List<ValuationView> valuation(@RequestParam UUID itemId) {
        return queries.valuation(itemId);
    }

    @GetMapping("/stock/history")
    @Operation(summary = "On hand of an item at the end of each day with moves (all shelves or one site)")
    List<StockPoint> history(@RequestParam UUID itemId, @RequestParam(required = false) UUID siteId,
            @RequestParam(required = false) LocalDate since) {
        return queries.history(itemId, siteId, since);
    }

    @GetMapping("/stock/integrity")
    @Operation(summary = "Rebuild quants, reservations, serials and valuation from the moves and list differences (ADMIN)")
    StockIntegrity.Report integrity() {
        return integrity.check();
    }

    @PostMapping("/stock-documents")
    @Operation(summary = "Post a document (WAREHOUSE): all lines or none; Idempotency-Key makes a retry safe")
    ResponseEntity<DocumentView> post(@Valid @RequestBody PostingCommand body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(postings.post(body, key));
    }

    @PostMapping("/stock-documents/{id}/reversal")
    @Operation(summary = "Reverse a whole document with the reversal movement type (WAREHOUSE); once only")
    ResponseEntity<DocumentView> reverse(@PathVariable UUID id, @Valid @RequestBody(required = false) ReversalCommand body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(postings.reverse(id, body, key));
    }

    @GetMapping("/stock-documents")
    @Operation(summary = "Documents, newest first, by movement type or number/reference fragment; paged")
    PageView<DocumentView> documents(@RequestParam(required = false) String movementType,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.documents(movementType, q, page, size);
    }

    @GetMapping("/stock-documents/{id}")
    @Operation(summary = "One document with its lines (moves)")
    DocumentView document(@PathVariable UUID id) {
        return queries.document(id);
    }

    @GetMapping("/stock-moves")
    @Operation(summary = "Moves, newest first, by item, location (either side), document, movement type, lot, time; paged")
    PageView<MoveView> moves(@RequestParam(required = false) UUID itemId, @RequestParam(required = false) UUID locationId,
            @RequestParam(required = false) UUID documentId, @RequestParam(required = false) String movementType,
            @RequestParam(required = false) String lot, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.moves(new MoveFilter(itemId, locationId, documentId, movementType, lot, from, to), page, size);
    }

    static ResponseEntity<DocumentView> created(Posted posted) {
        return ResponseEntity.created(URI.create("/api/v1/stock-documents/" + posted.document().id()))
                .header(REPLAYED, String.valueOf(posted.replayed())).body(posted.document());
    }
}
