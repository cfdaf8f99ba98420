package io.millflow.calendar;

import io.millflow.pms.PlanCalendar.Entry;
import io.millflow.pms.PlanCalendar.Kind;
import java.io.IOException;
import java.io.StringWriter;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes plan entries as an RFC 5545 calendar with ical4j: one all-day VEVENT per entry ({@code DTSTART;VALUE=DATE},
 * {@code DTEND} the day after the last day), a stable {@code UID} per entry, no {@code METHOD} (a published feed, not
 * an iTIP message, so no ORGANIZER is needed), {@code DTSTAMP}/{@code LAST-MODIFIED}
 * from the entry's last change — so the same plan gives the same bytes and the ETag only changes with the plan.
 */
final class ICalendarWriter {

    private ICalendarWriter() {
    }

    static String write(CalendarFeeds.FeedContent feed) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Millflow//Plan calendar 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", feed.name()));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (Entry e : feed.entries()) {
            VEvent event = new VEvent(e.start(), e.end().plusDays(1), e.title());
            event.replace(new DtStamp(e.changedAt()));
            event.add(new Uid(CalendarEntries.uid(e)));
            event.add(new LastModified(e.changedAt()));
            event.add(new Description(CalendarEntries.description(e)));
            event.add(new Categories(category(e.kind())));
            event.add(ImmutableTransp.TRANSPARENT);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            // validated against RFC 5545, except a calendar without entries (it needs one component to be valid, and
            // clients read an empty one as an empty calendar)
            new CalendarOutputter(!feed.entries().isEmpty()).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String category(Kind kind) {
        return switch (kind) {
            case MILESTONE -> "Milestone";
            case TASK_DUE -> "Due date";
            case ALLOCATION -> "Allocation";
        };
    }
}
