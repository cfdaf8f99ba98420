package io.millflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An external calendar that plan entries are pushed to and changes are read from. The Google Calendar adapter is the
 * one implementation ({@link io.millflow.calendar.google.GoogleCalendarClient}). Every method talks to the network:
 * never call one inside a business transaction.
 */
public interface CalendarGateway {

    /**
     * An all-day event as we want it; {@code id} is our stable id (base32hex, so Google accepts it as event id),
     * {@code endExclusive} the day after the last day.
     */
    record EventData(String id, String summary, String description, LocalDate start, LocalDate endExclusive,
            Map<String, String> privateProperties) {
    }

    /** An event as the calendar answered it. {@code start}/{@code endExclusive} are null for a cancelled event. */
    record RemoteEvent(String id, String status, String etag, Instant updated, String summary, LocalDate start,
            LocalDate endExclusive) {

        public boolean cancelled() {
            return "cancelled".equals(status);
        }
    }

    /** One page of changes; {@code nextSyncToken} is set on the last page only. */
    record ChangePage(List<RemoteEvent> events, String nextPageToken, String nextSyncToken) {
    }

    /** Creates the event with our id, or replaces it when it exists (also a cancelled one). */
    RemoteEvent upsert(String calendarId, EventData event);

    /** Deletes the event; one that is gone already counts as deleted. */
    void delete(String calendarId, String eventId);

    /**
     * Changes since {@code syncToken} (all events when null), one page at a time ({@code pageToken} null for the
     * first), deleted ones included.
     *
     * @throws CalendarException.SyncTokenExpired when the calendar no longer accepts the sync token (HTTP 410): start
     *                                            a full sync
     */
    ChangePage changes(String calendarId, String syncToken, String pageToken);
}
