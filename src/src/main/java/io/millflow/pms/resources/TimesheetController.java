package io.millflow.pms.resources;

import io.millflow.pms.resources.ResourceViews.TimesheetCommand;
import io.millflow.pms.resources.ResourceViews.TimesheetView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Timesheets. Roles: every internal person keeps their own (their week, save, submit); MANAGER and ADMIN read
 * everyone's; another person's timesheet is 404, listing another person's 403. Approval happens through
 * /api/v1/tasks (process timesheet-approval).
 */
@RestController
@RequestMapping("/api/v1/timesheets")
@Tag(name = "Timesheets")
class TimesheetController {

    private final Timesheets timesheets;

    TimesheetController(Timesheets timesheets) {
        this.timesheets = timesheets;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's timesheet of the week of `week` (default this week); empty DRAFT without id if none")
    TimesheetView mine(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        return timesheets.mine(week);
    }

    @PutMapping("/me/{weekStart}")
    @Operation(summary = "Replace the entries of the caller's week (a Monday); 400 when a day exceeds 24 h, hours are "
            + "negative or a task is not yours to book; 409 unless DRAFT")
    TimesheetView save(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart,
            @Valid @RequestBody TimesheetCommand body) {
        return timesheets.save(weekStart, body);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit the caller's DRAFT for approval (starts timesheet-approval)")
    TimesheetView submit(@PathVariable UUID id) {
        return timesheets.submit(id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One timesheet: the caller's own, or any for MANAGER and ADMIN")
    TimesheetView get(@PathVariable UUID id) {
        return timesheets.get(id);
    }

    @GetMapping
    @Operation(summary = "Timesheets, newest week first: own, or by username/all for MANAGER and ADMIN; filter status")
    PageView<TimesheetView> list(@RequestParam(required = false) String username,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return timesheets.list(username, status, page, size);
    }
}
