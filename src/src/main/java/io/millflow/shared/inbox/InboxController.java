package io.millflow.shared.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's task inbox. Roles: any signed-in user; a task may only be worked by its candidate
 * groups (403 otherwise), never by the requester of its process.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "The caller's open tasks")
    List<InboxTask> myTasks() {
        return inbox.myTasks();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One open task with its candidate groups")
    InboxTask get(@PathVariable String id) {
        return inbox.get(id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task")
    InboxTask claim(@PathVariable String id) {
        return inbox.claim(id);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give a claimed task back to its group")
    InboxTask unclaim(@PathVariable String id) {
        return inbox.unclaim(id);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Approve or reject; 403 when not your group's task, 409 when already completed")
    ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody TaskDecision decision) {
        inbox.complete(id, decision);
        return ResponseEntity.noContent().build();
    }
}
