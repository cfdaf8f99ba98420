package io.millflow.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days of the firm: Monday to Friday except public holidays. Exposed to process models as
 * {@code workingCalendar}, e.g. {@code ${workingCalendar.addWorkingDays(now(), 2)}} for due dates and timers.
 */
@Component("workingCalendar")
public class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(@Value("${millflow.calendar.zone:Europe/Berlin}") String zone,
            @Value("${millflow.calendar.holidays:}") List<LocalDate> holidays) {
        this.zone = ZoneId.of(zone);
        this.holidays = Set.copyOf(holidays);
    }

    /** The same time of day, {@code days} working days later; a start on a day off counts from the next working day. */
    public Date addWorkingDays(Date start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        ZonedDateTime t = start.toInstant().atZone(zone);
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (isWorkingDay(t.toLocalDate())) {
                added++;
            }
        }
        return Date.from(t.toInstant());
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
