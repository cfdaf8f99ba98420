package io.millflow.calendar;

import io.millflow.calendar.CalendarConflicts.ConflictView;
import io.millflow.calendar.FeedView.FeedCreated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar feeds and sync conflicts. Roles: everyone inside the firm (not SUPPLIER) manages their own feeds; project
 * feeds and conflicts: MANAGER, ADMIN or a manager of the project (others 403, hidden projects 404).
 */
@RestController
@Tag(name = "Calendar")
class CalendarController {

    /** Label of a new feed; optional. */
    record FeedCommand(String label) {
    }

    /** A new feed with its secret URL, shown this once. */
    record FeedCreatedView(FeedView feed, String url) {
    }

    private final CalendarFeeds feeds;
    private final CalendarConflicts conflicts;

    CalendarController(CalendarFeeds feeds, CalendarConflicts conflicts) {
        this.feeds = feeds;
        this.conflicts = conflicts;
    }

    @GetMapping("/api/v1/me/calendar-feeds")
    @Operation(summary = "My calendar feed URLs (without their secret)")
    List<FeedView> mine() {
        return feeds.mine();
    }

    @PostMapping("/api/v1/me/calendar-feeds")
    @Operation(summary = "A new secret iCalendar URL of my tasks, milestones and allocations; the URL is shown once")
    ResponseEntity<FeedCreatedView> createMine(@RequestBody(required = false) FeedCommand command) {
        return created(feeds.createMine(command == null ? null : command.label()));
    }

    @DeleteMapping("/api/v1/me/calendar-feeds/{id}")
    @Operation(summary = "Revokes one of my feed URLs; it answers 404 from now on")
    FeedView revokeMine(@PathVariable UUID id) {
        return feeds.revokeMine(id);
    }

    @GetMapping("/api/v1/projects/{projectId}/calendar-feeds")
    @Operation(summary = "The project's calendar feed URLs (project managers, MANAGER, ADMIN)")
    List<FeedView> ofProject(@PathVariable UUID projectId) {
        return feeds.ofProject(projectId);
    }

    @PostMapping("/api/v1/projects/{projectId}/calendar-feeds")
    @Operation(summary = "A new secret iCalendar URL of the project's milestones, due dates and allocations")
    ResponseEntity<FeedCreatedView> createForProject(@PathVariable UUID projectId,
            @RequestBody(required = false) FeedCommand command) {
        return created(feeds.createForProject(projectId, command == null ? null : command.label()));
    }

    @DeleteMapping("/api/v1/projects/{projectId}/calendar-feeds/{id}")
    @Operation(summary = "Revokes a project feed URL")
    FeedView revokeForProject(@PathVariable UUID projectId, @PathVariable UUID id) {
        return feeds.revokeForProject(projectId, id);
    }

    @GetMapping("/api/v1/projects/{projectId}/calendar-conflicts")
    @Operation(summary = "Google sync conflicts of the project: both sides changed, the later change won")
    List<ConflictView> conflicts(@PathVariable UUID projectId) {
        return conflicts.ofProject(projectId);
    }

    private static ResponseEntity<FeedCreatedView> created(FeedCreated created) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path()).toUriString();
        return ResponseEntity.created(URI.create("/api/v1/me/calendar-feeds/" + created.feed().id()))
                .body(new FeedCreatedView(created.feed(), url));
    }
}
