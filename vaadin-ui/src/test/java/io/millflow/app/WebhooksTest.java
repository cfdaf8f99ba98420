package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import io.millflow.app.support.WebhookReceiver;
import io.millflow.app.support.WebhookReceiver.Call;
import io.millflow.shared.events.BusinessEvent;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.webhook.WebhookDispatcher;
import io.millflow.webhook.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks end to end (issue 8, acceptance 4): a receiver on a loopback port, events published in a transaction
 * as the capabilities publish them, and the sender driven with a clock of the test's own through the retry
 * schedule.
 */
@AppTest
class WebhooksTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofHours(7); // longer than the longest pause + jitter

    @LocalServerPort
    int port;
    @Autowired
    BusinessEvents events;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Tokens.user(port, "admin");
    }

    /** Removes what a failed test left behind, so no other test's deliveries go to it. */
    @org.junit.jupiter.api.AfterEach
    void removeLeftovers() {
        WebhookReceiver.removeSubscriptions(port, "webhook test ");
    }

    @Test
    void aReceiverFailingThreeTimesThenSucceedingGetsExactlyOneAcceptedDeliveryWithVerifiableSignatures() {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500, 500, 500)) {
            JsonNode created = subscribe("stock", receiver.url(), List.of(EventTypes.STOCK_POSTED), List.of());
            String secret = created.get("secret").asText();
            String subscriptionId = created.at("/subscription/id").asText();

            BusinessEvent event = publish(EventTypes.STOCK_POSTED, Map.of("documentNumber", "MD-4711",
                    "movementType", "101", "itemIds", List.of("i-1", "i-2")));
            JsonNode log = api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries", admin).body();
            assertThat(log.get("total").asLong()).isEqualTo(1);
            String deliveryId = log.at("/items/0/id").asText();
            assertThat(log.at("/items/0/status").asText()).isEqualTo("PENDING");
            assertThat(log.at("/items/0/eventId").asText()).isEqualTo(event.id().toString());

            Instant t = Instant.now();
            dispatcher.deliverDue(t);
            assertThat(receiver.calls()).hasSize(1);
            dispatcher.deliverDue(t.plusSeconds(10));
            assertThat(receiver.calls()).as("the next try waits for its pause (30 s ± 20 %)").hasSize(1);
            for (int i = 1; i <= 5; i++) {
                dispatcher.deliverDue(t.plus(STEP.multipliedBy(i)));
            }

            List<Call> calls = receiver.calls();
            assertThat(calls).extracting(Call::answered).containsExactly(500, 500, 500, 200);
            assertThat(calls.stream().filter(c -> c.answered() / 100 == 2)).hasSize(1);
            JsonNode detail = api.get("/api/v1/webhooks/deliveries/" + deliveryId, admin).body();
            byte[] stored = detail.get("payload").asText().getBytes(StandardCharsets.UTF_8);
            for (Call c : calls) {
                assertThat(c.body()).as("byte-identical body on every attempt").isEqualTo(stored);
                assertThat(c.delivery()).as("same Millflow-Delivery on every retry").isEqualTo(deliveryId);
                assertThat(c.event()).isEqualTo(EventTypes.STOCK_POSTED);
                assertThat(WebhookSignatures.verify(secret, c.timestamp(), c.body(), c.signature(), TOLERANCE))
                        .as("signature of attempt with timestamp " + c.timestamp()).isTrue();
                assertThat(WebhookSignatures.verify("whsec_someoneElse", c.timestamp(), c.body(), c.signature(),
                        TOLERANCE)).isFalse();
            }
            JsonNode payload = json(stored);
            assertThat(payload.get("id").asText()).isEqualTo(event.id().toString());
            assertThat(payload.get("type").asText()).isEqualTo(EventTypes.STOCK_POSTED);
            assertThat(payload.get("subjectType").asText()).isEqualTo("StockDocument");
            assertThat(payload.get("subjectId").asText()).isEqualTo("MD-4711");
            assertThat(payload.get("actor").asText()).isEqualTo("webhook-test");
            assertThat(Instant.parse(payload.get("occurredAt").asText())).isEqualTo(event.occurredAt());
            assertThat(payload.at("/data/itemIds/1").asText()).isEqualTo("i-2");

            assertThat(detail.at("/delivery/status").asText()).isEqualTo("SUCCEEDED");
            assertThat(detail.at("/delivery/attempts").asInt()).isEqualTo(4);
            assertThat(detail.at("/delivery/lastStatusCode").asInt()).isEqualTo(200);
            assertThat(detail.at("/delivery/deliveredAt").isNull()).isFalse();
            List<Integer> codes = new ArrayList<>();
            detail.get("attempts").forEach(a -> codes.add(a.get("statusCode").asInt()));
            assertThat(codes).containsExactly(500, 500, 500, 200);
            assertThat(detail.at("/attempts/0/responseExcerpt").asText()).isEqualTo("answer 500");

            dispatcher.deliverDue(t.plus(STEP.multipliedBy(10)));
            assertThat(receiver.calls()).as("nothing more once accepted").hasSize(4);
            delete(subscriptionId);
        }
    }

    @Test
    void afterTheLastTryTheDeliveryIsDeadAndASendAgainDeliversTheSameBody() {
        try (WebhookReceiver receiver = new WebhookReceiver().thereafter(503)) {
            JsonNode created = subscribe("dead letters", receiver.url(), List.of("*"), List.of("procurement"));
            String secret = created.get("secret").asText();
            String subscriptionId = created.at("/subscription/id").asText();
            publish(EventTypes.PROJECT_CREATED, Map.of("code", "P-1")); // filtered out by capability
            publish(EventTypes.PURCHASE_ORDER_SENT, Map.of("number", "PO-1", "revision", 1));
            JsonNode log = api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries", admin).body();
            assertThat(log.get("total").asLong()).as("only the procurement event").isEqualTo(1);
            String deliveryId = log.at("/items/0/id").asText();

            Instant t = Instant.now();
            for (int i = 0; i < 10; i++) {
                dispatcher.deliverDue(t.plus(STEP.multipliedBy(i)));
            }
            assertThat(receiver.calls()).as("7 attempts, then dead").hasSize(7);
            JsonNode dead = api.get("/api/v1/webhooks/dead-letters?size=500", admin).body();
            assertThat(dead.get("items").findValuesAsText("id")).contains(deliveryId);
            JsonNode one = api.get("/api/v1/webhooks/deliveries/" + deliveryId, admin).body();
            assertThat(one.at("/delivery/status").asText()).isEqualTo("DEAD");
            assertThat(one.at("/delivery/attempts").asInt()).isEqualTo(7);
            assertThat(one.at("/delivery/lastError").asText()).isEqualTo("HTTP 503");
            assertThat(api.get("/api/v1/webhooks/" + subscriptionId, admin).body().get("dead").asLong()).isEqualTo(1);

            receiver.thereafter(202);
            Api.Response resent = api.post("/api/v1/webhooks/deliveries/" + deliveryId + "/resend", admin, "");
            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.text("status")).isEqualTo("PENDING");
            assertThat(resent.body().get("series").asInt()).isEqualTo(2);
            assertThat(api.post("/api/v1/webhooks/deliveries/" + deliveryId + "/resend", admin, "").status())
                    .as("a pending delivery is not re-sent twice").isEqualTo(409);
            dispatcher.deliverDue(Instant.now().plusSeconds(1));

            List<Call> calls = receiver.calls();
            assertThat(calls).hasSize(8);
            assertThat(calls.get(7).answered()).isEqualTo(202);
            assertThat(calls.get(7).body()).isEqualTo(calls.get(0).body());
            assertThat(calls.get(7).delivery()).isEqualTo(deliveryId);
            assertThat(WebhookSignatures.verify(secret, calls.get(7).timestamp(), calls.get(7).body(),
                    calls.get(7).signature(), TOLERANCE)).isTrue();
            JsonNode after = api.get("/api/v1/webhooks/deliveries/" + deliveryId, admin).body();
            assertThat(after.at("/delivery/status").asText()).isEqualTo("SUCCEEDED");
            assertThat(after.get("attempts")).hasSize(8);
            assertThat(after.at("/attempts/7/series").asInt()).isEqualTo(2);
            assertThat(after.at("/attempts/7/attempt").asInt()).isEqualTo(1);
            assertThat(audits("WebhookDelivery", deliveryId)).containsExactly("admin:RESENT");
            delete(subscriptionId);
        }
    }

    @Test
    void aReceiverAnswering410SwitchesItsSubscriptionOff() {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(410)) {
            String subscriptionId = subscribe("gone", receiver.url(), List.of(EventTypes.TASK_CREATED), List.of())
                    .at("/subscription/id").asText();
            publish(EventTypes.TASK_CREATED, Map.of("title", "first"));
            dispatcher.deliverDue(Instant.now().plusSeconds(1));
            assertThat(receiver.calls()).hasSize(1);
            JsonNode sub = api.get("/api/v1/webhooks/" + subscriptionId, admin).body();
            assertThat(sub.get("active").asBoolean()).isFalse();
            assertThat(sub.get("deactivatedReason").asText()).contains("410");
            JsonNode log = api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries", admin).body();
            assertThat(log.at("/items/0/status").asText()).isEqualTo("DEAD");
            assertThat(log.at("/items/0/attempts").asInt()).isEqualTo(1);
            assertThat(audits("WebhookSubscription", subscriptionId)).containsExactly("admin:CREATED",
                    "system:DEACTIVATED");

            publish(EventTypes.TASK_CREATED, Map.of("title", "second"));
            assertThat(api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries", admin).body().get("total")
                    .asLong()).as("no deliveries for a switched-off subscription").isEqualTo(1);
            String deliveryId = log.at("/items/0/id").asText();
            assertThat(api.post("/api/v1/webhooks/deliveries/" + deliveryId + "/resend", admin, "").text("detail"))
                    .contains("switched off");
            delete(subscriptionId);
        }
    }

    @Test
    void aRolledBackChangeWritesNoDeliveryAndACommittedOneDoes() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscriptionId = subscribe("outbox", receiver.url(), List.of(EventTypes.GOODS_RECEIVED), List.of())
                    .at("/subscription/id").asText();
            UUID[] rolledBack = new UUID[1];
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                rolledBack[0] = events.publish(EventTypes.GOODS_RECEIVED, "GoodsReceipt", "GR-9", "webhook-test",
                        Map.of("number", "PO-9")).id();
                assertThat(deliveriesOf(rolledBack[0], subscriptionId)).as("written in the change's transaction")
                        .isEqualTo(1);
                tx.setRollbackOnly();
            });
            assertThat(deliveriesOf(rolledBack[0], subscriptionId)).isZero();
            assertThat(deliveriesOf(rolledBack[0], null)).as("for no subscription").isZero();
            BusinessEvent committed = publish(EventTypes.GOODS_RECEIVED, Map.of("number", "PO-10"));
            assertThat(deliveriesOf(committed.id(), subscriptionId)).isEqualTo(1);
            publish(EventTypes.PURCHASE_ORDER_SENT, Map.of("number", "PO-10"));
            assertThat(api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries", admin).body().get("total")
                    .asLong()).as("other types are not subscribed").isEqualTo(1);
            dispatcher.deliverDue(Instant.now().plusSeconds(1));
            assertThat(receiver.calls()).hasSize(1);
            assertThat(json(receiver.calls().get(0).body()).get("id").asText()).isEqualTo(committed.id().toString());
            delete(subscriptionId);
        }
    }

    @Test
    void aRealStockPostingReachesTheReceiverAndARefusedOneDoesNot() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode created = subscribe("stock ledger", receiver.url(), List.of(EventTypes.STOCK_POSTED),
                    List.of("ims"));
            String subscriptionId = created.at("/subscription/id").asText();
            Inventory inv = new Inventory(api, port);
            Inventory.Warehouse wh = inv.warehouse(1);
            String item = inv.item("NONE", "C");
            String number = inv.receive(item, wh.bins().get(0), 5, "1.00").get("number").asText();
            Api.Response refused = api.post("/api/v1/stock-documents", inv.warehouse(), Inventory.document("551",
                    null, List.of(Inventory.line(item, 50, wh.bins().get(0), null))));
            assertThat(refused.status()).as("more than on hand: " + refused.raw()).isBetween(400, 499);
            dispatcher.deliverDue(Instant.now().plusSeconds(1));
            assertThat(receiver.calls()).as("one posting, one call").hasSize(1);
            Call call = receiver.calls().get(0);
            JsonNode payload = json(call.body());
            assertThat(payload.get("type").asText()).isEqualTo(EventTypes.STOCK_POSTED);
            assertThat(payload.at("/data/documentNumber").asText()).isEqualTo(number);
            assertThat(payload.at("/data/lines/0/itemId").asText()).isEqualTo(item);
            assertThat(payload.at("/data/lineCount").asInt()).isEqualTo(1);
            assertThat(payload.get("actor").asText()).isEqualTo("warehouse");
            assertThat(WebhookSignatures.verify(created.get("secret").asText(), call.timestamp(), call.body(),
                    call.signature(), TOLERANCE)).isTrue();
            delete(subscriptionId);
        }
    }

    @Test
    void aBurstOfEventsGoesOutInOnePoll() {
        int events = 200;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscriptionId = subscribe("burst", receiver.url(), List.of(EventTypes.TASK_STATUS_CHANGED),
                    List.of()).at("/subscription/id").asText();
            long publishStart = System.nanoTime();
            for (int i = 0; i < events; i++) {
                publish(EventTypes.TASK_STATUS_CHANGED, Map.of("from", "OPEN", "to", "DONE", "n", i));
            }
            long publishMs = (System.nanoTime() - publishStart) / 1_000_000;
            long sendStart = System.nanoTime();
            dispatcher.deliverDue(Instant.now().plusSeconds(1));
            long sendMs = (System.nanoTime() - sendStart) / 1_000_000;
            assertThat(receiver.calls()).hasSize(events);
            assertThat(receiver.calls().stream().map(Call::delivery).distinct()).hasSize(events);
            System.out.printf("Webhook burst: %d events published (own transaction each) in %d ms, sent to a loopback "
                    + "receiver in %d ms (%.0f deliveries/s, one node)%n", events, publishMs, sendMs,
                    events * 1000.0 / Math.max(sendMs, 1));
            assertThat(sendMs).as("one poll sends them all").isLessThan(60_000);
            delete(subscriptionId);
        }
    }

    @Test
    void theSecretIsShownOnceRotatesAndEveryChangeIsAudited() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode created = subscribe("rotate", receiver.url(), List.of(EventTypes.PROJECT_CREATED), List.of("pms"));
            String first = created.get("secret").asText();
            String id = created.at("/subscription/id").asText();
            assertThat(first).startsWith("whsec_");
            assertThat(created.at("/subscription/secretHint").asText()).isEqualTo(first.substring(first.length() - 4));
            Api.Response read = api.get("/api/v1/webhooks/" + id, admin);
            assertThat(read.raw()).doesNotContain(first).doesNotContain(first.substring(6, 20));
            assertThat(api.get("/api/v1/webhooks", admin).raw()).doesNotContain(first);
            String cipher = jdbc.queryForObject("select secret_cipher from webhook_subscription where id = ?::uuid",
                    String.class, id);
            assertThat(cipher).startsWith("v1:").doesNotContain(first.substring(6));

            JsonNode rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", admin, "").body();
            String second = rotated.get("secret").asText();
            assertThat(second).startsWith("whsec_").isNotEqualTo(first);

            Map<String, Object> change = new LinkedHashMap<>();
            change.put("name", "rotate (renamed)");
            change.put("url", receiver.url());
            change.put("eventTypes", List.of(EventTypes.PROJECT_CREATED, EventTypes.PROJECT_STATUS_CHANGED));
            change.put("capabilities", List.of());
            change.put("active", true);
            change.put("version", rotated.at("/subscription/version").asLong());
            Api.Response changed = api.put("/api/v1/webhooks/" + id, admin, change);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body().get("eventTypes").toString()).contains(EventTypes.PROJECT_STATUS_CHANGED);
            Api.Response stale = api.put("/api/v1/webhooks/" + id, admin, change);
            assertThat(stale.status()).as("stale version").isEqualTo(409);

            publish(EventTypes.PROJECT_CREATED, Map.of("code", "P-77"));
            dispatcher.deliverDue(Instant.now().plusSeconds(1));
            Call call = receiver.calls().get(0);
            assertThat(WebhookSignatures.verify(second, call.timestamp(), call.body(), call.signature(), TOLERANCE))
                    .isTrue();
            assertThat(WebhookSignatures.verify(first, call.timestamp(), call.body(), call.signature(), TOLERANCE))
                    .as("the old secret no longer signs").isFalse();

            JsonNode ping = api.post("/api/v1/webhooks/" + id + "/ping", admin, "").body();
            assertThat(ping.get("succeeded").asBoolean()).isTrue();
            assertThat(ping.get("statusCode").asInt()).isEqualTo(200);
            Call pinged = receiver.calls().get(1);
            assertThat(pinged.event()).isEqualTo("webhook.ping");
            assertThat(WebhookSignatures.verify(second, pinged.timestamp(), pinged.body(), pinged.signature(),
                    TOLERANCE)).isTrue();

            delete(id);
            assertThat(api.get("/api/v1/webhooks/" + id, admin).status()).isEqualTo(404);
            assertThat(audits("WebhookSubscription", id)).containsExactly("admin:CREATED", "admin:SECRET_ROTATED",
                    "admin:CHANGED", "admin:PINGED", "admin:DELETED");
            String auditText = String.join(" ", jdbc.queryForList("select coalesce(before_state, '') || "
                    + "coalesce(after_state, '') from audit_record where entity_id = ?", String.class, id));
            assertThat(auditText).doesNotContain(first.substring(6)).doesNotContain(second.substring(6));
        }
    }

    @Test
    void badInputAndForbiddenTargetsAreProblemsAndWriteNothing() {
        Long before = jdbc.queryForObject("select count(*) from webhook_subscription", Long.class);
        problem(body("x", "https://169.254.169.254/latest/meta-data/", List.of("*")), 400, "webhook-target-refused",
                "url");
        problem(body("x", "https://metadata.google.internal/", List.of("*")), 400, "webhook-target-refused", "url");
        problem(body("x", "https://0.0.0.0/hook", List.of("*")), 400, "webhook-target-refused", "url");
        problem(body("x", "http://hooks.example.com/hook", List.of("*")), 400, "invalid-input", "url");
        problem(body("x", "ftp://127.0.0.1/hook", List.of("*")), 400, "invalid-input", "url");
        problem(body("x", "https://user:pw@127.0.0.1/hook", List.of("*")), 400, "invalid-input", "url");
        problem(body("x", null, List.of("*")), 400, "invalid-input", "url");
        problem(body("", "http://127.0.0.1:9/hook", List.of("*")), 400, "invalid-input", "name");
        problem(body("x", "http://127.0.0.1:9/hook", List.of()), 400, "invalid-input", "eventTypes");
        problem(body("x", "http://127.0.0.1:9/hook", List.of("ims.nothing")), 400, "invalid-input", "eventTypes");
        problem(body("x", "http://127.0.0.1:9/hook", List.of("*", EventTypes.STOCK_POSTED)), 400, "invalid-input",
                "eventTypes");
        Map<String, Object> wrongCapability = body("x", "http://127.0.0.1:9/hook", List.of(EventTypes.STOCK_POSTED));
        wrongCapability.put("capabilities", List.of("pms"));
        problem(wrongCapability, 400, "invalid-input", "capabilities");
        wrongCapability.put("capabilities", List.of("hr"));
        problem(wrongCapability, 400, "invalid-input", "capabilities");
        Api.Response unknownField = api.post("/api/v1/webhooks", admin,
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"*\"],\"secret\":\"mine\"}");
        assertThat(unknownField.status()).as("a caller cannot choose the secret").isEqualTo(400);
        assertThat(unknownField.contentType()).contains("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from webhook_subscription", Long.class)).isEqualTo(before);

        String missing = UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/webhooks/" + missing, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks/deliveries/" + missing, admin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhooks/deliveries/" + missing + "/resend", admin, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks/event-types", admin).body().get("eventTypes")).hasSize(
                EventTypes.ORDERED.size());
    }

    @Test
    void everyEndpointRefusesEveryoneButAdmin() {
        String some = UUID.randomUUID().toString();
        Map<String, Object> valid = body("x", "http://127.0.0.1:9/hook", List.of("*"));
        for (String user : List.of("employee", "manager", "buyer", "warehouse", "owner", "supplier", "finance")) {
            String token = Tokens.user(port, user);
            List<Api.Response> answers = List.of(
                    api.get("/api/v1/webhooks", token),
                    api.get("/api/v1/webhooks/event-types", token),
                    api.post("/api/v1/webhooks", token, valid),
                    api.get("/api/v1/webhooks/" + some, token),
                    api.put("/api/v1/webhooks/" + some, token, valid),
                    api.delete("/api/v1/webhooks/" + some, token),
                    api.post("/api/v1/webhooks/" + some + "/rotate-secret", token, ""),
                    api.post("/api/v1/webhooks/" + some + "/ping", token, ""),
                    api.get("/api/v1/webhooks/" + some + "/deliveries", token),
                    api.get("/api/v1/webhooks/deliveries/" + some, token),
                    api.post("/api/v1/webhooks/deliveries/" + some + "/resend", token, ""),
                    api.get("/api/v1/webhooks/dead-letters", token));
            assertThat(answers).as(user).extracting(Api.Response::status).containsOnly(403);
        }
        assertThat(api.get("/api/v1/webhooks", null).status()).isEqualTo(401);
    }

    // --- helpers

    private JsonNode subscribe(String name, String url, List<String> types, List<String> capabilities) {
        Map<String, Object> body = body("webhook test " + name, url, types);
        body.put("capabilities", capabilities);
        Api.Response r = api.post("/api/v1/webhooks", admin, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith(r.body().at("/subscription/id").asText());
        return r.body();
    }

    private static Map<String, Object> body(String name, String url, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("url", url);
        body.put("eventTypes", types);
        return body;
    }

    private void problem(Map<String, Object> body, int status, String type, String field) {
        Api.Response r = api.post("/api/v1/webhooks", admin, body);
        assertThat(r.status()).as(body + " → " + r.raw()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("type")).isEqualTo("https://millflow.io/problems/" + type);
        assertThat(r.text("field")).isEqualTo(field);
    }

    private void delete(String subscriptionId) {
        assertThat(api.delete("/api/v1/webhooks/" + subscriptionId, admin).status()).isEqualTo(204);
    }

    private BusinessEvent publish(String type, Map<String, Object> data) {
        String subject = type.equals(EventTypes.STOCK_POSTED) ? "StockDocument" : "Thing";
        String id = String.valueOf(data.getOrDefault("documentNumber", UUID.randomUUID()));
        return new TransactionTemplate(transactions).execute(tx -> events.publish(type, subject, id, "webhook-test",
                data));
    }

    private int deliveriesOf(UUID eventId, String subscriptionId) {
        Integer n = jdbc.queryForObject("select count(*) from webhook_delivery where event_id = ? and "
                + "(?::varchar is null or subscription_id::varchar = ?)", Integer.class, eventId, subscriptionId,
                subscriptionId);
        return n == null ? 0 : n;
    }

    private List<String> audits(String entityType, String entityId) {
        return jdbc.queryForList("select actor || ':' || action from audit_record where entity_type = ? and "
                + "entity_id = ? order by occurred_at, id", String.class, entityType, entityId);
    }

    private static JsonNode json(byte[] body) {
        try {
            return Api.json().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
