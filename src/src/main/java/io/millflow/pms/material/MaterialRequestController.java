package io.millflow.pms.material;

import io.millflow.pms.material.MaterialRequestViews.MaterialRequestCommand;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Material requests of project tasks. Roles: members who may change the task's project (and MANAGER, ADMIN) request
 * and cancel; whoever may read the project reads (404 otherwise); WAREHOUSE reads and cancels all. Picking is the
 * "Pick materials" task in the inbox (WAREHOUSE).
 */
@RestController
@Tag(name = "Material requests")
class MaterialRequestController {

    private final MaterialRequests requests;

    MaterialRequestController(MaterialRequests requests) {
        this.requests = requests;
    }

    record MaterialCost(UUID projectId, BigDecimal materialCost, String currency) {
    }

    @PostMapping("/api/v1/material-requests")
    @Operation(summary = "Request materials for a task (taskId in the body); starts project-material-request")
    ResponseEntity<MaterialRequestView> create(@Valid @RequestBody MaterialRequestCommand body) {
        return created(requests.create(body.taskId(), body));
    }

    @PostMapping({"/api/v1/project-tasks/{taskId}/material-requests", "/api/v1/tasks/{taskId}/material-requests"})
    @Operation(summary = "Request materials for this task; 404 when its project is not visible to you")
    ResponseEntity<MaterialRequestView> createForTask(@PathVariable UUID taskId,
            @Valid @RequestBody MaterialRequestCommand body) {
        return created(requests.create(taskId, body));
    }

    @GetMapping({"/api/v1/project-tasks/{taskId}/material-requests", "/api/v1/tasks/{taskId}/material-requests"})
    @Operation(summary = "The material requests of a task, newest first, with quantities and issued value")
    List<MaterialRequestView> ofTask(@PathVariable UUID taskId) {
        return requests.ofTask(taskId);
    }

    @GetMapping("/api/v1/material-requests")
    @Operation(summary = "Material requests of a project, or all (WAREHOUSE, MANAGER, ADMIN), or your own; paged")
    PageView<MaterialRequestView> list(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) MaterialRequestStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return requests.list(projectId, status, page, size);
    }

    @GetMapping("/api/v1/material-requests/{id}")
    @Operation(summary = "One material request")
    MaterialRequestView get(@PathVariable UUID id) {
        return requests.get(id);
    }

    @PostMapping("/api/v1/material-requests/{id}/cancel")
    @Operation(summary = "Cancel: releases every reservation and ends the process; 409 when already issued")
    MaterialRequestView cancel(@PathVariable UUID id) {
        return requests.cancel(id);
    }

    @GetMapping("/api/v1/projects/{projectId}/material-cost")
    @Operation(summary = "Ledger value issued to the project (221 minus 222), EUR")
    MaterialCost materialCost(@PathVariable UUID projectId) {
        return new MaterialCost(projectId, requests.projectMaterialCost(projectId), "EUR");
    }

    private static ResponseEntity<MaterialRequestView> created(MaterialRequestView v) {
        return ResponseEntity.created(URI.create("/api/v1/material-requests/" + v.id())).body(v);
    }
}
