package io.millflow.ims;

import io.millflow.ims.ReplenishmentViews.ForecastView;
import io.millflow.ims.ReplenishmentViews.ProposalDecision;
import io.millflow.ims.ReplenishmentViews.ProposalView;
import io.millflow.ims.ReplenishmentViews.ReorderRuleCommand;
import io.millflow.ims.ReplenishmentViews.ReorderRuleView;
import io.millflow.ims.ReplenishmentViews.RunView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reorder rules, replenishment runs and their proposals, and the demand forecast of one item in one warehouse.
 * BUYER and ADMIN change rules, start runs and decide proposals; WAREHOUSE, BUYER, MANAGER, FINANCE and ADMIN read.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Replenishment")
class ReplenishmentController {

    private final ReorderRules rules;
    private final ReplenishmentRuns runs;
    private final DemandForecasts forecasts;

    ReplenishmentController(ReorderRules rules, ReplenishmentRuns runs, DemandForecasts forecasts) {
        this.rules = rules;
        this.runs = runs;
        this.forecasts = forecasts;
    }

    @PostMapping("/reorder-rules")
    @Operation(summary = "Create the reorder rule of an item in a warehouse (fixed min/max or forecast-driven)")
    ResponseEntity<ReorderRuleView> createRule(@Valid @RequestBody ReorderRuleCommand body) {
        ReorderRuleView r = rules.create(body);
        return ResponseEntity.created(URI.create("/api/v1/reorder-rules/" + r.id())).body(r);
    }

    @PutMapping("/reorder-rules/{id}")
    @Operation(summary = "Change a reorder rule (give the version you read to guard against lost updates)")
    ReorderRuleView updateRule(@PathVariable UUID id, @Valid @RequestBody ReorderRuleCommand body) {
        return rules.update(id, body);
    }

    @DeleteMapping("/reorder-rules/{id}")
    @Operation(summary = "Delete a reorder rule")
    ResponseEntity<Void> deleteRule(@PathVariable UUID id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reorder-rules/{id}")
    ReorderRuleView rule(@PathVariable UUID id) {
        return rules.get(id);
    }

    @GetMapping("/reorder-rules")
    @Operation(summary = "Reorder rules by item, warehouse or SKU/name text; paged")
    PageView<ReorderRuleView> listRules(@RequestParam(required = false) UUID itemId,
            @RequestParam(required = false) UUID warehouseId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return rules.list(itemId, warehouseId, q, page, size);
    }

    @PostMapping("/replenishment-runs")
    @Operation(summary = "Start a replenishment run now (409 while another is computing)")
    ResponseEntity<RunView> startRun() {
        RunView r = runs.startManual();
        return ResponseEntity.created(URI.create("/api/v1/replenishment-runs/" + r.id())).body(r);
    }

    @GetMapping("/replenishment-runs")
    @Operation(summary = "Runs, newest first; paged")
    PageView<RunView> listRuns(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return runs.list(status, page, size);
    }

    @GetMapping("/replenishment-runs/{id}")
    RunView run(@PathVariable UUID id) {
        return runs.get(id);
    }

    @GetMapping("/replenishment-runs/{id}/proposals")
    @Operation(summary = "A run's proposals by status and decision, largest value first; paged")
    PageView<ProposalView> proposals(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String decision, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return runs.proposals(id, status, decision, page, size);
    }

    @GetMapping("/replenishment-proposals/{id}")
    ProposalView proposal(@PathVariable UUID id) {
        return runs.getProposal(id);
    }

    @PostMapping("/replenishment-proposals/{id}/decision")
    @Operation(summary = "Approve (optionally with another quantity) or reject a proposal under review")
    ProposalView decide(@PathVariable UUID id, @Valid @RequestBody ProposalDecision body) {
        return runs.decideProposal(id, body);
    }

    @GetMapping("/replenishment-forecast")
    @Operation(summary = "Demand history, forecast and reorder levels of an item in a warehouse (for the chart)")
    ForecastView forecast(@RequestParam UUID itemId, @RequestParam UUID warehouseId,
            @RequestParam(defaultValue = "365") int historyDays) {
        return forecasts.forecast(itemId, warehouseId, historyDays);
    }
}
