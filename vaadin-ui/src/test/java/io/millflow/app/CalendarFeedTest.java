package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.ProjectFixtures;
import io.millflow.app.support.ResourceFixtures;
import io.millflow.app.support.Tokens;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * iCalendar feeds behind secret URLs: what a person's and a project's feed hold (parsed with ical4j's
 * {@link CalendarBuilder}), stable UIDs, ETag, revocation and unknown tokens (404), and who may make which feed.
 */
@AppTest
class CalendarFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    Api api;
    ProjectFixtures projects;
    ResourceFixtures resources;
    String alice;
    String bob;
    String manager;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projects = new ProjectFixtures(api, port);
        resources = new ResourceFixtures(jdbc, accounts, api, port);
        alice = resources.user("cal-alice");
        bob = resources.user("cal-bob");
        manager = "cal-pm-" + resources.suffix();
        accounts.create("test", manager, "millflow", "PM", manager + "@test.millflow.io", Set.of(Roles.MANAGER));
    }

    private String token(String user) {
        return Tokens.user(port, user);
    }

    /** A project of {@code manager} with alice as member, a milestone, a task due for alice, and her allocation. */
    private record Plan(String projectId, String code, String milestoneId, LocalDate milestoneDay, String taskId,
            LocalDate dueDay, LocalDate week) {
    }

    private Plan plan() {
        JsonNode project = projects.project(manager, alice);
        String projectId = project.get("id").asText();
        LocalDate milestoneDay = LocalDate.now().plusDays(20);
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("name", "Design freeze");
        milestone.put("milestone", true);
        milestone.put("startDate", milestoneDay.toString());
        Api.Response m = api.post("/api/v1/projects/" + projectId + "/tasks", token(manager), milestone);
        assertThat(m.status()).as(m.raw()).isEqualTo(201);
        LocalDate dueDay = LocalDate.now().plusDays(9);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", "Write test plan");
        task.put("startDate", LocalDate.now().toString());
        task.put("endDate", LocalDate.now().plusDays(8).toString());
        task.put("dueDate", dueDay.toString());
        task.put("assignee", alice);
        Api.Response t = api.post("/api/v1/projects/" + projectId + "/tasks", token(manager), task);
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        String personId = resources.person(alice, null, null, "40", "50.00");
        LocalDate week = LocalDate.now().plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Api.Response a = api.post("/api/v1/allocations", token("admin"), Map.of("personId", personId, "projectId",
                projectId, "weekStart", week.toString(), "hours", "16"));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return new Plan(projectId, project.get("code").asText(), m.text("id"), milestoneDay, t.text("id"), dueDay,
                week);
    }

    private static HttpResponse<String> fetch(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/calendar");
        headers.forEach(request::header);
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Map<String, VEvent> bySummary(Calendar calendar) {
        return calendar.<VEvent>getComponents().stream().filter(c -> c instanceof VEvent).map(VEvent.class::cast)
                .collect(Collectors.toMap(e -> e.getSummary().getValue(), e -> e));
    }

    private static String prop(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String basic(LocalDate d) {
        return d.toString().replace("-", "");
    }

    @Test
    void aPersonsFeedParsesAndHoldsTheirDueDatesMilestonesAndAllocationsWithStableUids() throws Exception {
        Plan plan = plan();
        Api.Response created = api.post("/api/v1/me/calendar-feeds", token(alice), Map.of("label", "Outlook"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String url = created.text("url");
        assertThat(url).matches("http://localhost:" + port + "/ical/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(created.body().get("feed").get("label").asText()).isEqualTo("Outlook");
        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        // only the hash is stored
        assertThat(jdbc.queryForObject("select count(*) from calendar_feed where token_hash = ?", Integer.class, secret))
                .isZero();

        HttpResponse<String> first = fetch(url, Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = parse(first.body());
        assertThat(calendar.getProperty("VERSION").map(Property::getValue)).contains("2.0");
        assertThat(calendar.validate().getEntries()).as("RFC 5545 validation by ical4j").isEmpty();
        Map<String, VEvent> events = bySummary(calendar);
        VEvent milestone = events.get("◆ Design freeze [" + plan.code() + "]");
        VEvent due = events.get("Due: Write test plan [" + plan.code() + "]");
        VEvent allocation = events.get(alice + ": 16 h on " + plan.code());
        assertThat(milestone).as(first.body()).isNotNull();
        assertThat(due).as(first.body()).isNotNull();
        assertThat(allocation).as(first.body()).isNotNull();
        assertThat(prop(milestone, "DTSTART")).isEqualTo(basic(plan.milestoneDay()));
        assertThat(prop(milestone, "DTEND")).isEqualTo(basic(plan.milestoneDay().plusDays(1)));
        assertThat(prop(due, "DTSTART")).isEqualTo(basic(plan.dueDay()));
        assertThat(prop(allocation, "DTSTART")).isEqualTo(basic(plan.week()));
        assertThat(prop(allocation, "DTEND")).isEqualTo(basic(plan.week().plusDays(5)));
        assertThat(prop(milestone, "UID")).isEqualTo("milestone-" + plan.milestoneId() + "@millflow");
        assertThat(prop(due, "UID")).isEqualTo("task-due-" + plan.taskId() + "@millflow");
        assertThat(first.body()).contains("DTSTART;VALUE=DATE:" + basic(plan.milestoneDay()));

        // same plan, same UIDs and the same ETag; If-None-Match answers 304
        HttpResponse<String> second = fetch(url, Map.of());
        assertThat(bySummary(parse(second.body())).values().stream().map(e -> prop(e, "UID")).sorted().toList())
                .isEqualTo(events.values().stream().map(e -> prop(e, "UID")).sorted().toList());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(fetch(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        // a rescheduled milestone shows its new day under the same UID
        Api.Response moved = api.post("/api/v1/project-tasks/" + plan.milestoneId() + "/schedule", token(manager),
                Map.of("startDate", plan.milestoneDay().plusDays(3).toString()));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        VEvent after = bySummary(parse(fetch(url, Map.of()).body())).get("◆ Design freeze [" + plan.code() + "]");
        assertThat(prop(after, "DTSTART")).isEqualTo(basic(plan.milestoneDay().plusDays(3)));
        assertThat(prop(after, "UID")).isEqualTo(prop(milestone, "UID"));

        // bob is no member: his feed has none of it
        Api.Response bobs = api.post("/api/v1/me/calendar-feeds", token(bob), Map.of());
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(fetch(bobs.text("url"), Map.of()).body()).doesNotContain(plan.code()).contains("BEGIN:VCALENDAR");
    }

    @Test
    void aRevokedUrlAndAStrangersTokenAnswer404() throws Exception {
        plan();
        Api.Response created = api.post("/api/v1/me/calendar-feeds", token(alice), Map.of("label", "Phone"));
        String url = created.text("url");
        String id = created.body().get("feed").get("id").asText();
        assertThat(fetch(url, Map.of()).statusCode()).isEqualTo(200);

        // someone else cannot revoke it: for them it does not exist
        assertThat(api.delete("/api/v1/me/calendar-feeds/" + id, token(bob)).status()).isEqualTo(404);
        assertThat(fetch(url, Map.of()).statusCode()).isEqualTo(200);

        Api.Response revoked = api.delete("/api/v1/me/calendar-feeds/" + id, token(alice));
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.text("revokedAt")).isNotNull();
        HttpResponse<String> gone = fetch(url, Map.of());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Api.json().readTree(gone.body()).get("type").asText()).endsWith("/not-found");
        assertThat(gone.body()).doesNotContain("VCALENDAR");

        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String stranger = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        assertThat(fetch("http://localhost:" + port + "/ical/" + stranger + ".ics", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(fetch("http://localhost:" + port + "/ical/short.ics", Map.of()).statusCode()).isEqualTo(404);
        // the feed path takes GET only, without a session
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(401, 403);

        List<Map<String, Object>> listed = jdbc.queryForList("select action from audit_record where entity_id = ? "
                + "order by occurred_at", id);
        assertThat(listed).extracting(r -> r.get("action")).containsExactly("CALENDAR_FEED_CREATED",
                "CALENDAR_FEED_REVOKED");
        JsonNode mine = api.get("/api/v1/me/calendar-feeds", token(alice)).body();
        assertThat(mine.findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/v1/me/calendar-feeds", token(bob)).body().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void projectFeedsAreForTheProjectsManagersAndAdmin() throws Exception {
        Plan plan = plan();
        String path = "/api/v1/projects/" + plan.projectId() + "/calendar-feeds";

        Api.Response byManager = api.post(path, token(manager), Map.of("label", "Team wall"));
        assertThat(byManager.status()).as(byManager.raw()).isEqualTo(201);
        Api.Response byAdmin = api.post(path, token("admin"), Map.of());
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(201);
        assertThat(api.post(path, token(alice), Map.of()).status()).as("member, no manager").isEqualTo(403);
        assertThat(api.post(path, token(bob), Map.of()).status()).as("not a member").isEqualTo(404);
        assertThat(api.get(path, token(alice)).status()).isEqualTo(403);
        assertThat(api.get(path, token("supplier")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/me/calendar-feeds", token("supplier"), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/calendar-feeds", null).status()).isEqualTo(401);
        assertThat(api.get(path, token(manager)).body()).hasSize(2);

        Map<String, VEvent> events = bySummary(parse(fetch(byManager.text("url"), Map.of()).body()));
        assertThat(events).containsKeys("◆ Design freeze [" + plan.code() + "]",
                "Due: Write test plan [" + plan.code() + "]", alice + ": 16 h on " + plan.code());

        String id = byManager.body().get("feed").get("id").asText();
        assertThat(api.delete(path + "/" + id, token(alice)).status()).isEqualTo(403);
        assertThat(api.delete(path + "/" + id, token(manager)).status()).isEqualTo(200);
        assertThat(fetch(byManager.text("url"), Map.of()).statusCode()).isEqualTo(404);
        assertThat(fetch(byAdmin.text("url"), Map.of()).statusCode()).isEqualTo(200);
    }
}
