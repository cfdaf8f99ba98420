package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.ProjectFixtures;
import io.millflow.app.support.Tokens;
import io.millflow.notification.NotificationRetention;
import io.millflow.notification.OverdueReminders;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notification centre through its REST API (/api/v1/me/...): preference defaults, changes (audited) and refused
 * values (400 problems); notifications made from business events (project task assigned, inbox task created with
 * approval, not for self-assignment), in the recipient's language; in-app off writes no row; one person can neither
 * read nor mark another's; a machine client gets 403 and no token 401; overdue reminders once per task and day;
 * retention deletes old read ones.
 */
@AppTest
class NotificationsApiTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;
    @Autowired
    BusinessEvents events;
    @Autowired
    OverdueReminders reminders;
    @Autowired
    NotificationRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    /** A fresh user (fresh preferences) with one role; password "password1". */
    String user(String role) {
        String name = "nt" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        users.create("system", name, "password1", "Note " + name, name + "@example.test", Set.of(role));
        return name;
    }

    String token(String username) {
        return Tokens.authorizationCode(port, username, "password1").get("access_token").asText();
    }

    Api api() {
        return new Api(port);
    }

    JsonNode list(String token) {
        Api.Response r = api().get("/api/v1/me/notifications?size=50", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("items");
    }

    long unread(String token) {
        Api.Response r = api().get("/api/v1/me/notifications/count", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("unread").asLong();
    }

    @Test
    void preferencesHaveTheContractDefaultsAndChangesAreKeptAndAudited() {
        String u = user(Roles.EMPLOYEE);
        String t = token(u);
        Api.Response r = api().get("/api/v1/me/notification-preferences", t);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("language").asText()).isEqualTo("en");
        assertThat(r.body().get("digestHour").asInt()).isEqualTo(7);
        Map<String, String> mail = new LinkedHashMap<>();
        r.body().get("kinds").forEach(k -> {
            assertThat(k.get("inApp").asBoolean()).isTrue();
            mail.put(k.get("kind").asText(), k.get("mail").asText());
        });
        assertThat(mail).containsEntry("APPROVAL_NEEDED", "IMMEDIATE").containsEntry("TASK_ASSIGNED", "IMMEDIATE")
                .containsEntry("TASK_OVERDUE", "DIGEST").containsEntry("PURCHASE_ORDER_SENT", "OFF")
                .containsEntry("MILESTONE_MOVED", "OFF").containsEntry("WEBHOOK_FAILED", "OFF");

        Api.Response put = api().put("/api/v1/me/notification-preferences", t, Map.of("language", "de",
                "digestHour", 18, "kinds", List.of(Map.of("kind", "TASK_OVERDUE", "inApp", false),
                        Map.of("kind", "TASK_ASSIGNED", "mail", "DIGEST"))));
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        JsonNode again = api().get("/api/v1/me/notification-preferences", t).body();
        assertThat(again.get("language").asText()).isEqualTo("de");
        assertThat(again.get("digestHour").asInt()).isEqualTo(18);
        assertThat(kind(again, "TASK_OVERDUE").get("inApp").asBoolean()).isFalse();
        assertThat(kind(again, "TASK_OVERDUE").get("mail").asText()).isEqualTo("DIGEST");
        assertThat(kind(again, "TASK_ASSIGNED").get("mail").asText()).isEqualTo("DIGEST");
        assertThat(kind(again, "TASK_ASSIGNED").get("inApp").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = "
                + "'NOTIFICATION_PREFERENCES_CHANGED' and entity_id = ? and actor = ?", Long.class, u, u)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'USER_LANGUAGE_CHANGED' "
                + "and actor = ?", Long.class, u)).isEqualTo(1);
    }

    private static JsonNode kind(JsonNode prefs, String kind) {
        for (JsonNode k : prefs.get("kinds")) {
            if (kind.equals(k.get("kind").asText())) {
                return k;
            }
        }
        throw new AssertionError("no " + kind);
    }

    @Test
    void badPreferencesAreRefusedWithAProblemAndChangeNothing() {
        String u = user(Roles.BUYER);
        String t = token(u);
        record Bad(Object body, String field) {
        }
        List<Bad> bad = List.of(
                new Bad(Map.of("digestHour", 24), "digestHour"),
                new Bad(Map.of("digestHour", -1), "digestHour"),
                new Bad(Map.of("language", "fr"), "language"),
                new Bad(Map.of("kinds", List.of(Map.of("kind", "NOPE", "mail", "OFF"))), "kinds[0].kind"),
                new Bad(Map.of("kinds", List.of(Map.of("kind", "TASK_ASSIGNED", "mail", "WEEKLY"))), "kinds[0].mail"),
                // the first entry is valid: all or nothing
                new Bad(Map.of("kinds", List.of(Map.of("kind", "TASK_ASSIGNED", "mail", "OFF"),
                        Map.of("kind", "TASK_ASSIGNED", "mail", "OFF"))), "kinds[1].kind"),
                new Bad(Map.of("digestHour", 9, "kinds", List.of(Map.of("mail", "OFF"))), "kinds[0].kind"));
        for (Bad b : bad) {
            Api.Response r = api().put("/api/v1/me/notification-preferences", t, b.body());
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.raw()).contains(b.field());
        }
        JsonNode kept = api().get("/api/v1/me/notification-preferences", t).body();
        assertThat(kept.get("digestHour").asInt()).isEqualTo(7);
        assertThat(kind(kept, "TASK_ASSIGNED").get("mail").asText()).isEqualTo("IMMEDIATE");
        assertThat(jdbc.queryForObject("select count(*) from notification_preference where username = ?", Long.class,
                u)).isZero();
    }

    @Test
    void aMachineClientIsRefusedAndNoTokenIsUnauthorized() {
        String ops = Tokens.opsCli(port);
        assertThat(api().get("/api/v1/me/notifications", ops).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/me/notification-preferences", ops).status()).isEqualTo(403);
        assertThat(api().put("/api/v1/me/notification-preferences", ops, Map.of("digestHour", 3)).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/me/notifications/count", null).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/me/notifications/read-all", null, Map.of()).status()).isEqualTo(401);
        // a supplier is a user: it has its own (empty) list
        assertThat(api().get("/api/v1/me/notifications", Tokens.user(port, "supplier")).status()).isEqualTo(200);
    }

    @Test
    void aProjectTaskAssignedToSomebodyNotifiesThemInTheirLanguageButNotWhoAssignsThemself() {
        String member = user(Roles.EMPLOYEE);
        String german = user(Roles.EMPLOYEE);
        users.changeLanguage("system", german, "de");
        ProjectFixtures pf = new ProjectFixtures(api(), port);
        JsonNode project = pf.project("manager", member, german);
        String projectId = project.get("id").asText();
        JsonNode task = pf.task(projectId, "manager", "Weld frame", member, false);
        String memberToken = token(member);
        JsonNode items = list(memberToken);
        assertThat(items).hasSize(1);
        JsonNode n = items.get(0);
        assertThat(n.get("kind").asText()).isEqualTo("TASK_ASSIGNED");
        assertThat(n.get("title").asText()).isEqualTo("Task assigned: Weld frame");
        assertThat(n.get("body").asText()).contains("manager").contains(project.get("code").asText());
        assertThat(n.get("link").asText()).isEqualTo("/project/" + projectId);
        assertThat(n.get("data").get("taskId").asText()).isEqualTo(task.get("id").asText());
        assertThat(n.get("readAt").isNull()).isTrue();
        assertThat(unread(memberToken)).isEqualTo(1);

        // re-assigned to the German member: German text
        Api.Response moved = api().put("/api/v1/project-tasks/" + task.get("id").asText(), pf.token("manager"),
                Map.of("assignee", german));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        JsonNode de = list(token(german)).get(0);
        assertThat(de.get("title").asText()).isEqualTo("Aufgabe zugewiesen: Weld frame");
        assertThat(de.get("body").asText()).contains("hat Ihnen").contains("zugewiesen");

        // the member assigns a task to themself: nothing
        JsonNode own = pf.task(projectId, "manager", "Paint frame", null, false);
        Api.Response self = api().put("/api/v1/project-tasks/" + own.get("id").asText(), memberToken,
                Map.of("assignee", member));
        assertThat(self.status()).as(self.raw()).isEqualTo(200);
        assertThat(list(memberToken)).hasSize(1);
    }

    @Test
    void anInboxApprovalReachesEveryEnabledUserOfTheCandidateGroupAndInAppOffWritesNoRow() {
        String a = user(Roles.FINANCE);
        String b = user(Roles.FINANCE);
        String other = user(Roles.WAREHOUSE);
        Api.Response off = api().put("/api/v1/me/notification-preferences", token(b),
                Map.of("kinds", List.of(Map.of("kind", "APPROVAL_NEEDED", "inApp", false))));
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        String taskId = "test-" + UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", taskId);
        data.put("name", "Approve requisition R-1");
        data.put("processDefinitionKey", "purchase-requisition");
        data.put("candidateGroups", List.of(Roles.FINANCE));
        data.put("assignee", null);
        data.put("approval", true);
        events.publish(EventTypes.USER_TASK_CREATED, "UserTask", taskId, "system", data);

        JsonNode got = list(token(a));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).get("kind").asText()).isEqualTo("APPROVAL_NEEDED");
        assertThat(got.get(0).get("title").asText()).isEqualTo("Approval needed: Approve requisition R-1");
        assertThat(got.get(0).get("link").asText()).isEqualTo("/inbox?task=" + taskId);
        assertThat(list(token(b))).isEmpty();
        assertThat(list(token(other))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notification where username = ?", Long.class, b))
                .isZero();

        // a task with a form and an assignee: TASK_ASSIGNED to that person only
        String formTask = "test-" + UUID.randomUUID();
        Map<String, Object> assigned = new LinkedHashMap<>(data);
        assigned.put("taskId", formTask);
        assigned.put("assignee", other);
        assigned.put("approval", false);
        events.publish(EventTypes.USER_TASK_CREATED, "UserTask", formTask, "system", assigned);
        assertThat(list(token(other))).extracting(n -> n.get("kind").asText()).containsExactly("TASK_ASSIGNED");
        assertThat(list(token(a))).hasSize(1);
    }

    @Test
    void onePersonCanNeitherReadNorMarkAnothersNotifications() {
        String alice = user(Roles.EMPLOYEE);
        String bob = user(Roles.EMPLOYEE);
        for (String who : List.of(alice, bob)) {
            events.publish(EventTypes.USER_TASK_ASSIGNED, "UserTask", "t-" + who, "manager",
                    Map.of("taskId", "t-" + who, "name", "Check " + who, "assignee", who));
        }
        String aliceToken = token(alice);
        String bobToken = token(bob);
        JsonNode aliceItems = list(aliceToken);
        assertThat(aliceItems).hasSize(1);
        assertThat(aliceItems.get(0).get("username").asText()).isEqualTo(alice);
        String aliceId = aliceItems.get(0).get("id").asText();

        Api.Response foreign = api().post("/api/v1/me/notifications/" + aliceId + "/read", bobToken, Map.of());
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
        Api.Response all = api().post("/api/v1/me/notifications/read-all", bobToken, Map.of());
        assertThat(all.body().get("marked").asInt()).isEqualTo(1);
        assertThat(unread(aliceToken)).isEqualTo(1);
        assertThat(unread(bobToken)).isZero();

        Api.Response own = api().post("/api/v1/me/notifications/" + aliceId + "/read", aliceToken, Map.of());
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().get("readAt").isNull()).isFalse();
        assertThat(unread(aliceToken)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'NOTIFICATION_READ' "
                + "and entity_id = ? and actor = ?", Long.class, aliceId, alice)).isEqualTo(1);
        assertThat(api().get("/api/v1/me/notifications?unread=true", aliceToken).body().get("total").asInt()).isZero();
    }

    @Test
    void anOverdueProjectTaskRemindsItsAssigneeOncePerDayAndRetentionDeletesOldReadOnes() {
        String member = user(Roles.EMPLOYEE);
        ProjectFixtures pf = new ProjectFixtures(api(), port);
        String projectId = pf.project("manager", member).get("id").asText();
        JsonNode task = pf.task(projectId, "manager", "Late task", member, false);
        Api.Response due = api().put("/api/v1/project-tasks/" + task.get("id").asText(), pf.token("manager"),
                Map.of("dueDate", LocalDate.now().minusDays(2).toString()));
        assertThat(due.status()).as(due.raw()).isEqualTo(200);
        JsonNode done = pf.task(projectId, "manager", "Late but done", member, false);
        assertThat(api().put("/api/v1/project-tasks/" + done.get("id").asText(), pf.token("manager"),
                Map.of("dueDate", LocalDate.now().minusDays(2).toString(), "status", "DONE")).status()).isEqualTo(200);

        Instant now = Instant.now();
        reminders.run(now);
        reminders.run(now.plusSeconds(60)); // same day: no second reminder
        String t = token(member);
        List<String> overdue = list(t).findValues("kind").stream().map(JsonNode::asText)
                .filter("TASK_OVERDUE"::equals).toList();
        assertThat(overdue).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where username = ? and kind = "
                + "'TASK_OVERDUE' and data ->> 'taskId' = ?", Long.class, member, task.get("id").asText()))
                .isEqualTo(1);
        reminders.run(now.plus(Duration.ofDays(1))); // the next day: again
        assertThat(jdbc.queryForObject("select count(*) from notification where username = ? and kind = "
                + "'TASK_OVERDUE'", Long.class, member)).isEqualTo(2);

        // retention: read more than 90 days ago goes, unread and recently read stay
        assertThat(api().post("/api/v1/me/notifications/read-all", t, Map.of()).status()).isEqualTo(200);
        long before = jdbc.queryForObject("select count(*) from notification where username = ?", Long.class, member);
        assertThat(before).isEqualTo(4); // two assignments, two reminders

        retention.run(Instant.now().plus(Duration.ofDays(89)));
        assertThat(jdbc.queryForObject("select count(*) from notification where username = ?", Long.class, member))
                .isEqualTo(4);
        retention.run(Instant.now().plus(Duration.ofDays(91)));
        assertThat(jdbc.queryForObject("select count(*) from notification where username = ?", Long.class, member))
                .isZero();
    }
}
