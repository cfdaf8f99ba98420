package io.millflow.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.calendar.CalendarException;
import io.millflow.calendar.CalendarGateway;
import io.millflow.calendar.GoogleCalendarProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link CalendarGateway} over the Google Calendar API v3 with plain HTTP ({@code java.net.http}): {@code events.update}
 * (PUT) falling back to {@code events.insert} (POST with our id) on 404, {@code events.delete}, and
 * {@code events.list} with {@code syncToken}, {@code showDeleted=true} and {@code pageToken} paging. A 401 drops the
 * cached access token and tries once more with a new one.
 */
public final class GoogleCalendarClient implements CalendarGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GoogleCalendarProperties settings;
    private final HttpRetry http;
    private final GoogleAccessTokens tokens;

    GoogleCalendarClient(GoogleCalendarProperties settings, Clock clock, HttpRetry.Sleeper sleeper) {
        this.settings = settings;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.http = new HttpRetry(client, settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(),
                sleeper, clock);
        this.tokens = new GoogleAccessTokens(settings, http, clock);
    }

    /** A client that really sleeps between retries. */
    public static GoogleCalendarClient create(GoogleCalendarProperties settings, Clock clock) {
        return new GoogleCalendarClient(settings, clock, d -> Thread.sleep(d.toMillis()));
    }

    @Override
    public RemoteEvent upsert(String calendarId, EventData event) {
        byte[] body = body(event);
        HttpResponse<String> put = call("update event " + event.id(), () -> request(eventUri(calendarId, event.id()))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (put.statusCode() == 200) {
            return event(read(put.body()));
        }
        if (put.statusCode() != 404) {
            throw failure("update event " + event.id(), put);
        }
        HttpResponse<String> post = call("insert event " + event.id(), () -> request(eventsUri(calendarId, ""))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (post.statusCode() == 200) {
            return event(read(post.body()));
        }
        throw failure("insert event " + event.id(), post);
    }

    @Override
    public void delete(String calendarId, String eventId) {
        HttpResponse<String> r = call("delete event " + eventId,
                () -> request(eventUri(calendarId, eventId)).DELETE());
        if (r.statusCode() == 204 || r.statusCode() == 200 || r.statusCode() == 404 || r.statusCode() == 410) {
            return;
        }
        throw failure("delete event " + eventId, r);
    }

    @Override
    public ChangePage changes(String calendarId, String syncToken, String pageToken) {
        StringBuilder query = new StringBuilder("?showDeleted=true&singleEvents=true&maxResults=250");
        if (syncToken != null) {
            query.append("&syncToken=").append(enc(syncToken));
        }
        if (pageToken != null) {
            query.append("&pageToken=").append(enc(pageToken));
        }
        HttpResponse<String> r = call("list events", () -> request(eventsUri(calendarId, query.toString())).GET());
        if (r.statusCode() == 410) {
            throw new CalendarException.SyncTokenExpired("Google no longer accepts the sync token: "
                    + GoogleErrors.message(r.body()));
        }
        if (r.statusCode() != 200) {
            throw failure("list events", r);
        }
        JsonNode page = read(r.body());
        List<RemoteEvent> events = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            events.add(event(item));
        }
        return new ChangePage(events, page.path("nextPageToken").asText(null), page.path("nextSyncToken").asText(null));
    }

    /** Sends with a bearer token; on 401 fetches a new token and sends once more. */
    private HttpResponse<String> call(String what, Supplier<HttpRequest.Builder> request) {
        HttpResponse<String> r = http.send(what, () -> request.get().header("Authorization", "Bearer " + tokens.token())
                .build());
        if (r.statusCode() == 401) {
            tokens.invalidate();
            r = http.send(what, () -> request.get().header("Authorization", "Bearer " + tokens.token()).build());
            if (r.statusCode() == 401) {
                throw new CalendarException.Unauthorized(what + ": Google refused a fresh access token: "
                        + GoogleErrors.message(r.body()), 401);
            }
        }
        return r;
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).header("Accept", "application/json");
    }

    private URI eventsUri(String calendarId, String query) {
        return URI.create(settings.apiBaseUrl().toString().replaceAll("/+$", "") + "/calendars/" + enc(calendarId)
                + "/events" + query);
    }

    private URI eventUri(String calendarId, String eventId) {
        return URI.create(settings.apiBaseUrl().toString().replaceAll("/+$", "") + "/calendars/" + enc(calendarId)
                + "/events/" + enc(eventId));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CalendarException failure(String what, HttpResponse<String> r) {
        return new CalendarException(what + ": HTTP " + r.statusCode() + " " + GoogleErrors.message(r.body()),
                r.statusCode());
    }

    private static byte[] body(EventData e) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", e.id());
        json.put("summary", e.summary());
        if (e.description() != null) {
            json.put("description", e.description());
        }
        json.putObject("start").put("date", e.start().toString());
        json.putObject("end").put("date", e.endExclusive().toString());
        json.put("status", "confirmed");
        json.put("transparency", "transparent");
        if (!e.privateProperties().isEmpty()) {
            ObjectNode p = json.putObject("extendedProperties").putObject("private");
            e.privateProperties().forEach(p::put);
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CalendarException("Google answered no JSON: " + e.getMessage(), 200, null, e);
        }
    }

    static RemoteEvent event(JsonNode e) {
        String updated = e.path("updated").asText(null);
        return new RemoteEvent(e.path("id").asText(), e.path("status").asText("confirmed"), e.path("etag").asText(null),
                updated == null ? null : Instant.parse(updated), e.path("summary").asText(null), day(e.path("start")),
                day(e.path("end")));
    }

    /** The day of {@code {"date": "2026-12-01"}} or of {@code {"dateTime": "2026-12-01T10:00:00+01:00"}}. */
    private static LocalDate day(JsonNode node) {
        if (node.hasNonNull("date")) {
            return LocalDate.parse(node.get("date").asText());
        }
        if (node.hasNonNull("dateTime")) {
            return OffsetDateTime.parse(node.get("dateTime").asText()).toLocalDate();
        }
        return null;
    }
}
