package io.millflow.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * A secret iCalendar feed URL as its owner sees it; the token itself is shown only once, in {@link FeedCreated}.
 *
 * @param scope PERSON (the owner's own calendar) or PROJECT
 */
public record FeedView(UUID id, String scope, UUID projectId, String projectCode, String label, String owner,
        Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    /** A new feed and its secret path {@code /ical/<token>.ics}; the token cannot be shown again. */
    public record FeedCreated(FeedView feed, String path) {
    }
}
