package io.millflow.calendar;

import io.millflow.shared.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /ical/<token>.ics}: the iCalendar feed behind a secret URL, for Outlook, Google, Apple and any other
 * client that subscribes to a URL. No session or bearer token: the 256-bit token is the credential. An unknown,
 * malformed or revoked token answers 404 (problem). {@code ETag} and {@code Last-Modified} let clients poll cheaply.
 */
@RestController
class ICalController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    ICalController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/ical/{token}.ics")
    ResponseEntity<?> feed(@PathVariable String token, WebRequest request) {
        Optional<CalendarFeeds.FeedContent> content = feeds.content(token);
        if (content.isEmpty()) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No calendar feed at this address (it may have been revoked).");
            body.setType(ProblemTypes.of("not-found"));
            body.setTitle("Not Found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        String ics = ICalendarWriter.write(content.get());
        String etag = "\"" + CalendarEntries.sha256(ics).substring(0, 32) + "\"";
        long lastModified = content.get().lastModified().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return null; // 304, headers set by checkNotModified
        }
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).eTag(etag).lastModified(lastModified)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Disposition", "inline; filename=\"millflow.ics\"").body(ics);
    }
}
