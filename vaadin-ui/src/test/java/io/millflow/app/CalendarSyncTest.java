package io.millflow.app;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.ProjectFixtures;
import io.millflow.app.support.ResourceFixtures;
import io.millflow.app.support.Tokens;
import io.millflow.calendar.CalendarGateway;
import io.millflow.calendar.CalendarSync;
import io.millflow.calendar.GoogleCalendarProperties;
import io.millflow.calendar.google.GoogleCalendarClient;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Google sync end to end in the app: plan entries pushed to a WireMock calendar shaped like the Calendar API v3,
 * a milestone moved in Google moves in Millflow (with its successors), conflicts go to the later change and are
 * recorded, an expired sync token starts a full sync, failed pushes are retried, allocations arrive by reconcile.
 */
@AppTest
class CalendarSyncTest {

    /** Answers every events.update like Google: the event back, with a new etag and {@code updated}. */
    private static final String UPDATED = "{\"kind\": \"calendar#event\", \"id\": \"{{jsonPath request.body '$.id'}}\", "
            + "\"etag\": \"\\\"{{randomValue length=16 type='NUMERIC'}}\\\"\", \"status\": \"confirmed\", "
            + "\"updated\": \"{{now}}\", \"start\": {\"date\": \"{{jsonPath request.body '$.start.date'}}\"}, "
            + "\"end\": {\"date\": \"{{jsonPath request.body '$.end.date'}}\"}}";

    /** Every due row at once: in the shared context other tests' task events queue rows too. */
    private static final int ALL = 1_000_000;

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CalendarSync sync;
    @Autowired
    BusinessEvents events;
    @Autowired
    Clock clock;
    Api api;
    ProjectFixtures projects;
    ResourceFixtures resources;
    String manager;
    String alice;
    String calendarId;
    CalendarGateway gateway;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projects = new ProjectFixtures(api, port);
        resources = new ResourceFixtures(jdbc, accounts, api, port);
        alice = resources.user("sync-alice");
        manager = "sync-pm-" + resources.suffix();
        accounts.create("test", manager, "millflow", "PM", manager + "@test.millflow.io", Set.of(Roles.MANAGER));
        calendarId = "projects-" + resources.suffix() + "@example.com";
        gateway = GoogleCalendarClient.create(GoogleCalendarProperties.forTest(
                URI.create(google.baseUrl() + "/calendar/v3"), URI.create(google.baseUrl() + "/token"), calendarId),
                clock);
        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson(
                "{\"access_token\": \"ya29.app\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        google.stubFor(put(urlPathMatching("/calendar/v3/calendars/.*/events/.*")).atPriority(10)
                .willReturn(okJson(UPDATED)));
    }

    private String token(String user) {
        return Tokens.user(port, user);
    }

    private String eventsPath() {
        return "/calendar/v3/calendars/" + URLEncoder.encode(calendarId, StandardCharsets.UTF_8) + "/events";
    }

    private static String eventId(String kindLetter, String uuid) {
        return "mf" + kindLetter + uuid.replace("-", "");
    }

    private String milestone(String projectId, String name, LocalDate day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("milestone", true);
        body.put("startDate", day.toString());
        Api.Response r = api.post("/api/v1/projects/" + projectId + "/tasks", token(manager), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String id = r.text("id");
        created(id, projectId);
        return id;
    }

    /** What pms publishes once the lead's publishing lands; until then the test publishes it. */
    private void created(String taskId, String projectId) {
        events.publish(EventTypes.TASK_CREATED, "ProjectTask", taskId, "test",
                Map.of("taskId", taskId, "projectId", projectId));
    }

    private void reschedule(String taskId, String projectId, LocalDate day) {
        Api.Response r = api.post("/api/v1/project-tasks/" + taskId + "/schedule", token(manager),
                Map.of("startDate", day.toString()));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        events.publish(EventTypes.TASK_RESCHEDULED, "ProjectTask", taskId, manager,
                Map.of("taskId", taskId, "projectId", projectId));
    }

    private LocalDate start(String taskId) {
        return LocalDate.parse(api.get("/api/v1/project-tasks/" + taskId, token("admin")).text("startDate"));
    }

    private static String googleEvent(String id, String etag, LocalDate day, Instant updated) {
        return "{\"kind\": \"calendar#event\", \"etag\": \"\\\"" + etag + "\\\"\", \"id\": \"" + id + "\", "
                + "\"status\": \"confirmed\", \"created\": \"2026-01-05T08:00:00.000Z\", \"updated\": \""
                + updated.truncatedTo(ChronoUnit.MILLIS) + "\", \"summary\": \"moved by someone\", "
                + "\"start\": {\"date\": \"" + day + "\"}, \"end\": {\"date\": \"" + day.plusDays(1) + "\"}}";
    }

    private static String page(String nextSyncToken, String nextPageToken, String... items) {
        return "{\"kind\": \"calendar#events\", \"summary\": \"Projects\", \"timeZone\": \"Europe/Berlin\", "
                + (nextPageToken != null ? "\"nextPageToken\": \"" + nextPageToken + "\", " : "")
                + (nextSyncToken != null ? "\"nextSyncToken\": \"" + nextSyncToken + "\", " : "")
                + "\"items\": [" + String.join(", ", items) + "]}";
    }

    private void changes(String syncToken, String body) {
        google.stubFor(get(urlPathEqualTo(eventsPath()))
                .withQueryParam("syncToken", syncToken == null ? absent() : equalTo(syncToken))
                .withQueryParam("showDeleted", equalTo("true")).willReturn(okJson(body)));
    }

    private List<LoggedRequest> puts(String eventId) {
        return google.findAll(putRequestedFor(urlEqualTo(eventsPath() + "/" + eventId)));
    }

    private static JsonNode json(LoggedRequest r) throws Exception {
        return Api.json().readTree(r.getBodyAsString());
    }

    @Test
    void aMilestoneMovedInGoogleMovesInMillflowWithItsSuccessors() throws Exception {
        JsonNode project = projects.project(manager, alice);
        String projectId = project.get("id").asText();
        LocalDate day = LocalDate.now().plusDays(30);
        String m = milestone(projectId, "Prototype ready", day);
        Map<String, Object> successor = new LinkedHashMap<>();
        successor.put("name", "Field test");
        successor.put("startDate", day.plusDays(1).toString());
        successor.put("endDate", day.plusDays(3).toString());
        successor.put("dueDate", day.plusDays(3).toString());
        Api.Response s = api.post("/api/v1/projects/" + projectId + "/tasks", token(manager), successor);
        String sId = s.text("id");
        created(sId, projectId);
        Api.Response dep = api.post("/api/v1/projects/" + projectId + "/dependencies", token(manager),
                Map.of("predecessorId", m, "successorId", sId, "kind", "FS", "lagDays", 0));
        assertThat(dep.status()).as(dep.raw()).isEqualTo(201);

        CalendarSync.Result pushed = sync.push(gateway, calendarId, ALL);
        assertThat(pushed.failed()).isZero();
        List<LoggedRequest> milestonePuts = puts(eventId("m", m));
        assertThat(milestonePuts).hasSize(1);
        JsonNode body = json(milestonePuts.get(0));
        assertThat(body.get("start").get("date").asText()).isEqualTo(day.toString());
        assertThat(body.get("end").get("date").asText()).isEqualTo(day.plusDays(1).toString());
        assertThat(body.get("summary").asText()).isEqualTo("◆ Prototype ready [" + project.get("code").asText() + "]");
        assertThat(puts(eventId("d", sId))).hasSize(1);
        assertThat(puts(eventId("m", sId))).as("no milestone event for a plain task").isEmpty();

        // someone drags the milestone a week later in Google
        LocalDate moved = day.plusDays(7);
        changes(null, page("sync-1", null, googleEvent(eventId("m", m), "g-1", moved, Instant.now())));
        CalendarSync.Result pulled = sync.pull(gateway, calendarId);

        assertThat(pulled.fullSync()).isTrue();
        assertThat(pulled.applied()).isEqualTo(1);
        assertThat(pulled.conflicts()).isZero();
        assertThat(start(m)).isEqualTo(moved);
        // a milestone takes no time: its finish-to-start successor may start on its day, no earlier
        assertThat(start(sId)).as("the successor follows its finish-to-start dependency")
                .isAfterOrEqualTo(moved).isAfter(day.plusDays(1));
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_id = ? and actor = ? and "
                + "action = 'TASK_RESCHEDULED'", Integer.class, m, CalendarSync.ACTOR)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select local_version = pushed_version from calendar_event_link where "
                + "item_key = ?", Boolean.class, "MILESTONE:" + m)).as("nothing to push back for the milestone")
                .isTrue();
        assertThat(jdbc.queryForObject("select sync_token from calendar_sync_state where calendar_id = ?",
                String.class, calendarId)).isEqualTo("sync-1");

        // the successor's due date goes to Google; the milestone is not pushed back
        google.resetRequests();
        sync.push(gateway, calendarId, ALL);
        assertThat(puts(eventId("m", m))).isEmpty();
        assertThat(json(puts(eventId("d", sId)).get(0)).get("start").get("date").asText())
                .isEqualTo(LocalDate.parse(api.get("/api/v1/project-tasks/" + sId, token("admin")).text("dueDate"))
                        .toString());

        // the next incremental pull sees the same event again (same etag): nothing changes
        changes("sync-1", page("sync-2", null, googleEvent(eventId("m", m), "g-1", moved, Instant.now())));
        CalendarSync.Result again = sync.pull(gateway, calendarId);
        assertThat(again.fullSync()).isFalse();
        assertThat(again.applied()).isZero();
        assertThat(start(m)).isEqualTo(moved);
        assertThat(jdbc.queryForObject("select sync_token from calendar_sync_state where calendar_id = ?",
                String.class, calendarId)).isEqualTo("sync-2");
    }

    @Test
    void whenBothSidesChangedTheLaterChangeWinsAndIsRecorded() throws Exception {
        JsonNode project = projects.project(manager, alice);
        String projectId = project.get("id").asText();
        LocalDate day = LocalDate.now().plusDays(40);
        String m = milestone(projectId, "Customer sign-off", day);
        sync.push(gateway, calendarId, ALL);

        // Millflow moves it to +2, Google later moves it to +5: Google wins
        reschedule(m, projectId, day.plusDays(2));
        changes(null, page("c-1", null, googleEvent(eventId("m", m), "g-a", day.plusDays(5),
                Instant.now().plusSeconds(3600))));
        CalendarSync.Result first = sync.pull(gateway, calendarId);
        assertThat(first.conflicts()).isEqualTo(1);
        assertThat(start(m)).isEqualTo(day.plusDays(5));

        // Google moved it to +6 an hour ago, Millflow moves it to +9 now: Millflow wins and is pushed
        reschedule(m, projectId, day.plusDays(9));
        changes("c-1", page("c-2", null, googleEvent(eventId("m", m), "g-b", day.plusDays(6),
                Instant.now().minusSeconds(3600))));
        CalendarSync.Result second = sync.pull(gateway, calendarId);
        assertThat(second.conflicts()).isEqualTo(1);
        assertThat(second.applied()).isZero();
        assertThat(start(m)).isEqualTo(day.plusDays(9));
        google.resetRequests();
        sync.push(gateway, calendarId, ALL);
        assertThat(json(puts(eventId("m", m)).get(0)).get("start").get("date").asText())
                .isEqualTo(day.plusDays(9).toString());

        String path = "/api/v1/projects/" + projectId + "/calendar-conflicts";
        Api.Response conflicts = api.get(path, token(manager));
        assertThat(conflicts.status()).as(conflicts.raw()).isEqualTo(200);
        assertThat(conflicts.body()).hasSize(2);
        assertThat(conflicts.body().get(0).get("winner").asText()).isEqualTo("MILLFLOW");
        assertThat(conflicts.body().get(0).get("googleStart").asText()).isEqualTo(day.plusDays(6).toString());
        assertThat(conflicts.body().get(0).get("millflowStart").asText()).isEqualTo(day.plusDays(9).toString());
        assertThat(conflicts.body().get(1).get("winner").asText()).isEqualTo("GOOGLE");
        assertThat(api.get(path, token("admin")).body()).hasSize(2);
        assertThat(api.get(path, token(alice)).status()).as("a member who does not manage").isEqualTo(403);
        assertThat(api.get(path, token(resources.user("sync-stranger"))).status()).isEqualTo(404);
        assertThat(api.get(path, token("supplier")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_id = ? and action = "
                + "'CALENDAR_CONFLICT_RESOLVED'", Integer.class, m)).isEqualTo(2);
    }

    @Test
    void anExpiredSyncTokenStartsAFullSyncOverAllPages() {
        jdbc.update("insert into calendar_sync_state (calendar_id, sync_token) values (?, 'stale')", calendarId);
        google.stubFor(get(urlPathEqualTo(eventsPath())).withQueryParam("syncToken", equalTo("stale"))
                .willReturn(aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"errors\": [{\"domain\": \"calendar\", \"reason\": \"fullSyncRequired\","
                                + " \"message\": \"Sync token is no longer valid, a full sync is required.\"}], "
                                + "\"code\": 410, \"message\": \"Sync token is no longer valid, a full sync is "
                                + "required.\"}}")));
        google.stubFor(get(urlPathEqualTo(eventsPath())).withQueryParam("syncToken", absent())
                .withQueryParam("pageToken", absent()).willReturn(okJson(page(null, "page-2",
                        googleEvent("someoneelses1", "x1", LocalDate.now(), Instant.now())))));
        google.stubFor(get(urlPathEqualTo(eventsPath())).withQueryParam("syncToken", absent())
                .withQueryParam("pageToken", equalTo("page-2")).willReturn(okJson(page("fresh", null,
                        googleEvent("someoneelses2", "x2", LocalDate.now(), Instant.now())))));

        CalendarSync.Result r = sync.pull(gateway, calendarId);

        assertThat(r.fullSync()).isTrue();
        assertThat(r.pulled()).isEqualTo(2);
        assertThat(r.applied()).isZero();
        Map<String, Object> state = jdbc.queryForMap("select sync_token, last_full_at from calendar_sync_state "
                + "where calendar_id = ?", calendarId);
        assertThat(state.get("sync_token")).isEqualTo("fresh");
        assertThat(state.get("last_full_at")).isNotNull();
    }

    @Test
    void failedPushesAreRetriedLaterAndAllocationsArriveByReconcile() throws Exception {
        JsonNode project = projects.project(manager, alice);
        String projectId = project.get("id").asText();
        String personId = resources.person(alice, null, null, "40", "50.00");
        LocalDate week = LocalDate.now().plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Api.Response a = api.post("/api/v1/allocations", token("admin"), Map.of("personId", personId, "projectId",
                projectId, "weekStart", week.toString(), "hours", "24"));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        String allocationEvent = eventId("a", a.text("id"));
        google.stubFor(put(urlEqualTo(eventsPath() + "/" + allocationEvent)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        assertThat(sync.reconcile(4, 26)).isPositive();
        CalendarSync.Result failed = sync.push(gateway, calendarId, ALL);
        assertThat(failed.failed()).isGreaterThanOrEqualTo(1);
        assertThat(puts(allocationEvent)).hasSize(4); // bounded attempts of one call
        Map<String, Object> row = jdbc.queryForMap("select attempts, last_error, next_attempt_at > now() as later, "
                + "pushed_version from calendar_event_link where item_key = ?", "ALLOCATION:" + a.text("id"));
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("503");
        assertThat(row.get("later")).isEqualTo(true);
        assertThat(row.get("pushed_version")).isEqualTo(0L);

        // Google is back; the row is due again (as after its back-off)
        google.removeStub(google.getStubMappings().stream().filter(st -> st.getPriority() != null
                && st.getPriority() == 1).findFirst().orElseThrow());
        jdbc.update("update calendar_event_link set next_attempt_at = now() where item_key = ?",
                "ALLOCATION:" + a.text("id"));
        google.resetRequests();
        sync.push(gateway, calendarId, ALL);
        List<LoggedRequest> ok = puts(allocationEvent);
        assertThat(ok).hasSize(1);
        JsonNode body = json(ok.get(0));
        assertThat(body.get("summary").asText()).isEqualTo(alice + ": 24 h on " + project.get("code").asText());
        assertThat(body.get("start").get("date").asText()).isEqualTo(week.toString());
        assertThat(body.get("end").get("date").asText()).isEqualTo(week.plusDays(5).toString());
        assertThat(jdbc.queryForObject("select pushed_version = local_version from calendar_event_link where "
                + "item_key = ?", Boolean.class, "ALLOCATION:" + a.text("id"))).isTrue();
        // nothing changed: the next reconcile marks nothing of it
        sync.reconcile(4, 26);
        assertThat(jdbc.queryForObject("select pushed_version = local_version from calendar_event_link where "
                + "item_key = ?", Boolean.class, "ALLOCATION:" + a.text("id"))).isTrue();
    }
}
