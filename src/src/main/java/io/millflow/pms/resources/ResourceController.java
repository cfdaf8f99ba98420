package io.millflow.pms.resources;

import io.millflow.pms.resources.ResourceViews.AllocationChange;
import io.millflow.pms.resources.ResourceViews.AllocationCommand;
import io.millflow.pms.resources.ResourceViews.AllocationView;
import io.millflow.pms.resources.ResourceViews.CalendarCommand;
import io.millflow.pms.resources.ResourceViews.CalendarView;
import io.millflow.pms.resources.ResourceViews.HeatmapView;
import io.millflow.pms.resources.ResourceViews.LabourCostView;
import io.millflow.pms.resources.ResourceViews.PersonCommand;
import io.millflow.pms.resources.ResourceViews.PersonView;
import io.millflow.pms.resources.ResourceViews.TeamCommand;
import io.millflow.pms.resources.ResourceViews.TeamView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Teams, people, calendars, allocations, the capacity heatmap and labour cost. Roles: ADMIN keeps teams, people and
 * calendars (every internal role reads teams and calendars); MANAGER, DEPARTMENT_HEAD and ADMIN read people and the
 * heatmap; MANAGER and ADMIN allocate; others read only their own allocations.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Resources")
class ResourceController {

    private final Teams teams;
    private final People people;
    private final Calendars calendars;
    private final Allocations allocations;
    private final ProjectCosts costs;

    ResourceController(Teams teams, People people, Calendars calendars, Allocations allocations, ProjectCosts costs) {
        this.teams = teams;
        this.people = people;
        this.calendars = calendars;
        this.allocations = allocations;
        this.costs = costs;
    }

    @GetMapping("/teams")
    @Operation(summary = "Teams, optionally of one department")
    List<TeamView> teams(@RequestParam(required = false) UUID departmentId) {
        return teams.list(departmentId);
    }

    @GetMapping("/teams/{id}")
    @Operation(summary = "One team")
    TeamView team(@PathVariable UUID id) {
        return teams.get(id);
    }

    @PostMapping("/teams")
    @Operation(summary = "Create a team (ADMIN)")
    ResponseEntity<TeamView> createTeam(@Valid @RequestBody TeamCommand body) {
        TeamView t = teams.create(body);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + t.id())).body(t);
    }

    @PutMapping("/teams/{id}")
    @Operation(summary = "Change a team (ADMIN)")
    TeamView updateTeam(@PathVariable UUID id, @Valid @RequestBody TeamCommand body) {
        return teams.update(id, body);
    }

    @GetMapping("/people")
    @Operation(summary = "People with capacity and rate (MANAGER, DEPARTMENT_HEAD, ADMIN); filters teamId, q")
    List<PersonView> people(@RequestParam(required = false) UUID teamId, @RequestParam(required = false) String q) {
        return people.list(teamId, q);
    }

    @GetMapping("/people/me")
    @Operation(summary = "The caller's own person record; 404 when not set up")
    PersonView me() {
        return people.me();
    }

    @GetMapping("/people/{id}")
    @Operation(summary = "One person (MANAGER, DEPARTMENT_HEAD, ADMIN)")
    PersonView person(@PathVariable UUID id) {
        return people.get(id);
    }

    @PostMapping("/people")
    @Operation(summary = "Make an app user a person: team, site, weekly capacity, hourly rate (ADMIN)")
    ResponseEntity<PersonView> createPerson(@Valid @RequestBody PersonCommand body) {
        PersonView p = people.create(body);
        return ResponseEntity.created(URI.create("/api/v1/people/" + p.id())).body(p);
    }

    @PutMapping("/people/{id}")
    @Operation(summary = "Change a person's team, site, capacity, rate or activity (ADMIN)")
    PersonView updatePerson(@PathVariable UUID id, @Valid @RequestBody PersonCommand body) {
        return people.update(id, body);
    }

    @GetMapping("/calendars")
    @Operation(summary = "Working calendars with their holidays (DEFAULT first)")
    List<CalendarView> calendars() {
        return calendars.list();
    }

    @GetMapping("/calendars/{id}")
    @Operation(summary = "One calendar")
    CalendarView calendar(@PathVariable UUID id) {
        return calendars.get(id);
    }

    @PostMapping("/calendars")
    @Operation(summary = "Create the calendar of a site: working days, hours per day, public holidays (ADMIN)")
    ResponseEntity<CalendarView> createCalendar(@Valid @RequestBody CalendarCommand body) {
        CalendarView c = calendars.create(body);
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + c.id())).body(c);
    }

    @PutMapping("/calendars/{id}")
    @Operation(summary = "Change a calendar; its holidays are replaced by those given (ADMIN)")
    CalendarView updateCalendar(@PathVariable UUID id, @Valid @RequestBody CalendarCommand body) {
        return calendars.update(id, body);
    }

    @GetMapping("/allocations")
    @Operation(summary = "Allocations by person, project and weeks (from/to); non-planners see only their own")
    List<AllocationView> allocations(@RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return allocations.list(personId, projectId, from, to);
    }

    @GetMapping("/allocations/{id}")
    @Operation(summary = "One allocation with its week's capacity and over-allocation")
    AllocationView allocation(@PathVariable UUID id) {
        return allocations.get(id);
    }

    @PostMapping("/allocations")
    @Operation(summary = "Allocate a person to a project for a week (MANAGER, ADMIN); answers overAllocated, "
            + "capacityHours, allocatedHours")
    ResponseEntity<AllocationView> allocate(@Valid @RequestBody AllocationCommand body) {
        AllocationView a = allocations.create(body);
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + a.id())).body(a);
    }

    @PutMapping("/allocations/{id}")
    @Operation(summary = "Change an allocation's hours (MANAGER, ADMIN)")
    AllocationView changeAllocation(@PathVariable UUID id, @Valid @RequestBody AllocationChange body) {
        return allocations.update(id, body);
    }

    @DeleteMapping("/allocations/{id}")
    @Operation(summary = "Remove an allocation (MANAGER, ADMIN)")
    ResponseEntity<Void> deleteAllocation(@PathVariable UUID id) {
        allocations.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/capacity")
    @Operation(summary = "Capacity heatmap: people × weeks with capacity, allocated hours and FREE/FULL/OVER "
            + "(MANAGER, DEPARTMENT_HEAD, ADMIN)")
    HeatmapView capacity(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "8") int weeks, @RequestParam(required = false) UUID teamId) {
        return allocations.heatmap(from, weeks, teamId);
    }

    @GetMapping("/capacity/teams")
    @Operation(summary = "Utilisation per team and week: capacity, allocated, booked and approved hours "
            + "(MANAGER, DEPARTMENT_HEAD, ADMIN)")
    List<ResourceViews.TeamWeek> teamUtilisation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "8") int weeks) {
        return allocations.utilisation(from, weeks);
    }

    @GetMapping("/projects/{id}/labour-cost")
    @Operation(summary = "Approved hours × rate of a project, per person too (who may read the project)")
    LabourCostView labourCost(@PathVariable UUID id) {
        return costs.labour(id);
    }
}
