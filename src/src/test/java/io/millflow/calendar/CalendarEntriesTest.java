package io.millflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.pms.PlanCalendar.Entry;
import io.millflow.pms.PlanCalendar.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids Google accepts, stable UIDs and hashes that change exactly when what the calendar shows changes. */
class CalendarEntriesTest {

    private static Entry entry(Kind kind, UUID id, LocalDate day, String title) {
        return new Entry(kind, id, UUID.randomUUID(), "PRJ-1", "Test project", "ACTIVE", "PRJ-1 T-3", title, day,
                kind == Kind.ALLOCATION ? day.plusDays(4) : day, "alice", Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void eventIdsAreBase32HexOfAllowedLengthAndDifferPerKind() {
        UUID id = UUID.randomUUID();
        for (Kind kind : Kind.values()) {
            assertThat(CalendarEntries.eventId(kind, id)).matches("[0-9a-v]{5,1024}").startsWith("mf")
                    .isEqualTo(CalendarEntries.eventId(kind, id));
        }
        assertThat(CalendarEntries.eventId(Kind.MILESTONE, id)).isNotEqualTo(CalendarEntries.eventId(Kind.TASK_DUE, id));
    }

    @Test
    void theHashFollowsWhatTheEventShowsAndNotWhenItWasRead() {
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 12, 1);
        Entry e = entry(Kind.MILESTONE, id, day, "◆ Design freeze [PRJ-1]");
        Entry sameLater = new Entry(e.kind(), e.itemId(), e.projectId(), e.projectCode(), e.projectName(),
                e.projectStatus(), e.reference(), e.title(), e.start(), e.end(), e.person(),
                e.changedAt().plus(Duration.ofHours(1)));
        assertThat(CalendarEntries.hash(sameLater)).isEqualTo(CalendarEntries.hash(e));
        assertThat(CalendarEntries.hash(entry(Kind.MILESTONE, id, day.plusDays(1), e.title())))
                .isNotEqualTo(CalendarEntries.hash(e));
        assertThat(CalendarEntries.hash(entry(Kind.MILESTONE, id, day, "◆ Design freeze (done) [PRJ-1]")))
                .isNotEqualTo(CalendarEntries.hash(e));
    }

    @Test
    void allDayEventsEndTheDayAfterTheirLastDay() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        var allocation = CalendarEntries.event(entry(Kind.ALLOCATION, UUID.randomUUID(), monday, "alice: 16 h on PRJ-1"));
        assertThat(allocation.start()).isEqualTo(monday);
        assertThat(allocation.endExclusive()).isEqualTo(monday.plusDays(5));
        assertThat(allocation.privateProperties()).containsKey(CalendarEntries.KEY_PROPERTY);
        Entry m = entry(Kind.MILESTONE, UUID.randomUUID(), monday, "x");
        assertThat(CalendarEntries.uid(m)).isEqualTo("milestone-" + m.itemId() + "@millflow");
        assertThat(CalendarEntries.description(m)).contains("PRJ-1 T-3").contains("Assignee: alice");
    }

    @Test
    void pushBackOffGrowsToSixHours() {
        assertThat(CalendarSync.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(CalendarSync.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(CalendarSync.backoff(30)).isEqualTo(Duration.ofHours(6));
    }
}
