package io.millflow.pms.resources;

import io.millflow.pms.resources.WeekCapacity.Load;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of teams, people, calendars, allocations, the capacity heatmap and timesheets. */
public final class ResourceViews {

    private ResourceViews() {
    }

    public record TeamCommand(UUID departmentId, @NotBlank @Size(max = 200) String name, @Size(max = 64) String leadUsername) {
    }

    public record TeamView(UUID id, UUID departmentId, String departmentCode, String name, String leadUsername,
            int memberCount, long version) {
    }

    /** A person: an app user with a team, a site (its calendar), a weekly capacity and an hourly cost rate. */
    public record PersonCommand(
            @NotBlank @Size(max = 64) String username,
            UUID teamId,
            UUID siteId,
            @NotNull @DecimalMin("0") @DecimalMax("168") @Digits(integer = 3, fraction = 2) BigDecimal weeklyCapacityHours,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal hourlyRate,
            Boolean active) {
    }

    public record PersonView(UUID id, String username, String displayName, UUID teamId, String teamName, UUID siteId,
            String siteCode, String calendarCode, BigDecimal weeklyCapacityHours, BigDecimal hourlyRate, boolean active,
            long version) {
    }

    public record HolidayCommand(@NotNull LocalDate day, @NotBlank @Size(max = 200) String name) {
    }

    /** A working calendar; {@code siteId} null only for the DEFAULT calendar. */
    public record CalendarCommand(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9_-]+", message = "must be upper-case letters, digits, - or _")
            String code,
            @NotBlank @Size(max = 200) String name,
            UUID siteId,
            @NotEmpty List<@NotNull DayOfWeek> workingDays,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2)
            BigDecimal hoursPerDay,
            List<@NotNull @Valid HolidayCommand> holidays) {
    }

    public record HolidayView(LocalDate day, String name) {
    }

    public record CalendarView(UUID id, String code, String name, UUID siteId, String siteCode, List<DayOfWeek> workingDays,
            BigDecimal hoursPerDay, List<HolidayView> holidays, long version) {
    }

    /** Planned hours of a person (by id, or by username) on a project in the ISO week starting {@code weekStart}. */
    public record AllocationCommand(
            UUID personId,
            @Size(max = 64) String username,
            @NotNull UUID projectId,
            @NotNull LocalDate weekStart,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("168") @Digits(integer = 3, fraction = 2)
            BigDecimal hours,
            @Size(max = 500) String note) {
    }

    /** A change of an allocation's hours or note. */
    public record AllocationChange(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("168") @Digits(integer = 3, fraction = 2)
            BigDecimal hours,
            @Size(max = 500) String note,
            Long version) {
    }

    /**
     * An allocation with the person's week: capacity after holidays, hours allocated on all projects, and whether
     * (and by how much) that is over capacity.
     */
    public record AllocationView(UUID id, UUID personId, String username, UUID projectId, String projectCode,
            String projectName, LocalDate weekStart, BigDecimal hours, String note, BigDecimal capacityHours,
            BigDecimal allocatedHours, boolean overAllocated, BigDecimal overByHours, long version) {
    }

    public record HeatmapCell(LocalDate weekStart, BigDecimal capacityHours, BigDecimal allocatedHours, Load load) {
    }

    public record HeatmapRow(UUID personId, String username, String teamName, BigDecimal weeklyCapacityHours,
            List<HeatmapCell> cells) {
    }

    public record HeatmapView(List<LocalDate> weeks, List<HeatmapRow> rows) {
    }

    public record TimesheetEntryCommand(UUID taskId, LocalDate day, BigDecimal hours, @Size(max = 500) String note) {
    }

    /** All entries of the week; they replace what the draft had. Entries of 0 h are dropped. */
    public record TimesheetCommand(@NotNull @Size(max = 500) List<@Valid TimesheetEntryCommand> entries) {
    }

    public record TimesheetEntryView(UUID id, UUID taskId, String taskName, UUID projectId, String projectCode,
            LocalDate day, BigDecimal hours, String note) {
    }

    public record DayTotal(LocalDate day, BigDecimal hours) {
    }

    /** A week's timesheet; {@code id} is null while nothing was saved for the week. */
    public record TimesheetView(UUID id, UUID personId, String username, LocalDate weekStart, String status,
            List<TimesheetEntryView> entries, List<DayTotal> dayTotals, BigDecimal totalHours, Instant submittedAt,
            String decidedBy, Instant decidedAt, String decisionComment, long version) {
    }

    public record PersonCost(String username, BigDecimal approvedHours, BigDecimal labourCost) {
    }

    /** Approved hours and their cost (hours × the rate taken at approval) of a project. */
    public record LabourCostView(UUID projectId, BigDecimal approvedHours, BigDecimal labourCost, List<PersonCost> byPerson) {
    }

    /** A task the caller may book time on. */
    public record BookableTask(UUID taskId, UUID projectId, String projectCode, int number, String name) {
    }

    /**
     * A team's week: capacity after holidays and allocated hours of its active people, hours booked on timesheets
     * (any status) and approved; utilisation = booked ÷ capacity (null when capacity is zero).
     */
    public record TeamWeek(UUID teamId, String teamName, LocalDate weekStart, int people, BigDecimal capacityHours,
            BigDecimal allocatedHours, BigDecimal bookedHours, BigDecimal approvedHours, BigDecimal utilisation) {
    }
}
