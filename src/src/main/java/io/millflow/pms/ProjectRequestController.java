package io.millflow.pms;

import io.millflow.pms.ProjectRequestViews.ProjectRequestCommand;
import io.millflow.pms.ProjectRequestViews.RequestView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project requests (intake). Roles: every internal role requests; the requester, the approving department heads,
 * MANAGER and ADMIN read (404 for others). Heads decide in the inbox ("Approve project request"), the manager kicks
 * the project off there ("Kick off project").
 */
@RestController
@RequestMapping("/api/v1/project-requests")
@Tag(name = "Project requests")
class ProjectRequestController {

    private final ProjectRequests requests;

    ProjectRequestController(ProjectRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "Request a project; starts project-intake (approval by each involved department's head)")
    ResponseEntity<RequestView> submit(@Valid @RequestBody ProjectRequestCommand body) {
        RequestView v = requests.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/project-requests/" + v.id())).body(v);
    }

    @GetMapping
    @Operation(summary = "Requests you may read, newest first; paged")
    PageView<RequestView> list(@RequestParam(required = false) ProjectRequestStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return requests.list(status, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with its approvals")
    RequestView get(@PathVariable UUID id) {
        return requests.get(id);
    }
}
