package io.millflow.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.FedExSandbox;
import io.millflow.app.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tracking of shipments (issue #5): FedEx's signed webhook (good, bad and replayed calls) and the clustered Quartz
 * poll against the WireMock stand-in of FedEx's Track API.
 */
@AppTest
class CarrierTrackingTest {

    private static final String WEBHOOK = "/api/v1/carriers/fedex/webhook";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aSignedPushStoresItsEventsAndTheSamePushAgainIsARefusedReplay() {
        String tracking = FedExSandbox.trackingNumber();
        String id = announce(tracking);
        byte[] push = FedExSandbox.webhookPush(tracking, "push-" + tracking);
        String ts = String.valueOf(Instant.now().getEpochSecond());

        Api.Response first = webhook(push, FedExSandbox.sign(ts, push, FedExSandbox.WEBHOOK_SECRET), ts);

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("newEvents").asInt()).isEqualTo(2);
        JsonNode shipment = api.get("/api/v1/shipments/" + id, Tokens.user(port, "buyer")).body();
        assertThat(shipment.get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(Instant.parse(shipment.get("estimatedDelivery").asText()))
                .isEqualTo(Instant.parse("2026-03-05T23:00:00Z"));
        JsonNode events = api.get("/api/v1/shipments/" + id + "/events", Tokens.user(port, "buyer")).body();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("code").asText()).isEqualTo("PU");
        assertThat(events.get(1).get("code").asText()).isEqualTo("DP");
        assertThat(events.get(1).get("source").asText()).isEqualTo("WEBHOOK");
        long audits = audits(id);
        assertThat(audits).isEqualTo(2); // ANNOUNCED, TRACKED
        long receipts = receipts();

        // the same call delivered again: refused, nothing written
        Api.Response replay = webhook(push, FedExSandbox.sign(ts, push, FedExSandbox.WEBHOOK_SECRET), ts);
        assertThat(replay.status()).as(replay.raw()).isEqualTo(409);
        assertThat(replay.contentType()).contains("application/problem+json");
        assertThat(replay.text("type")).endsWith("/webhook-replay");
        // the same FedEx transaction again, re-signed later with a body that differs by a byte: refused too
        String later = String.valueOf(Instant.now().getEpochSecond() + 1);
        byte[] resent = (new String(push, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        Api.Response sameEvent = webhook(resent, FedExSandbox.sign(later, resent, FedExSandbox.WEBHOOK_SECRET), later);
        assertThat(sameEvent.status()).as(sameEvent.raw()).isEqualTo(409);
        assertThat(sameEvent.text("type")).endsWith("/webhook-replay");
        assertThat(eventsOf(id)).isEqualTo(2);
        assertThat(receipts()).isEqualTo(receipts);
        assertThat(audits(id)).isEqualTo(audits);

        // a new push repeating known events stores nothing twice
        byte[] next = FedExSandbox.webhookPush(tracking, "push-2-" + tracking);
        Api.Response repeat = webhook(next, FedExSandbox.sign(later, next, FedExSandbox.WEBHOOK_SECRET), later);
        assertThat(repeat.status()).as(repeat.raw()).isEqualTo(200);
        assertThat(repeat.body().get("newEvents").asInt()).isZero();
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsStored() {
        String tracking = FedExSandbox.trackingNumber();
        String id = announce(tracking);
        byte[] push = FedExSandbox.webhookPush(tracking, "bad-" + tracking);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        long receipts = receipts();

        Api.Response wrongSecret = webhook(push, FedExSandbox.sign(ts, push, "not-the-secret"), ts);
        Api.Response noSignature = webhook(push, null, ts);
        byte[] tampered = new String(push, StandardCharsets.UTF_8).replace("Picked up", "Picked up twice")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response changedBody = webhook(tampered, FedExSandbox.sign(ts, push, FedExSandbox.WEBHOOK_SECRET), ts);
        Api.Response noTimestamp = webhook(push, FedExSandbox.sign(ts, push, FedExSandbox.WEBHOOK_SECRET), null);

        for (Api.Response r : new Api.Response[] {wrongSecret, noSignature, changedBody, noTimestamp}) {
            assertThat(r.status()).as(r.raw()).isEqualTo(401);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.text("type")).endsWith("/invalid-webhook-signature");
        }
        assertThat(eventsOf(id)).isZero();
        assertThat(receipts()).isEqualTo(receipts);
        assertThat(api.get("/api/v1/shipments/" + id, Tokens.user(port, "buyer")).body().get("status").asText())
                .isEqualTo("ANNOUNCED");
    }

    @Test
    void aSignedCallThatIsNotAFedExPushIsBadInputAndWritesNoReceipt() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        long receipts = receipts();

        Api.Response r = webhook(body, FedExSandbox.sign(ts, body, FedExSandbox.WEBHOOK_SECRET), ts);

        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.text("type")).endsWith("/invalid-input");
        assertThat(receipts()).isEqualTo(receipts);
    }

    @Test
    void anOldTimestampIsAReplayRefusedWith401AndNothingIsStored() {
        String tracking = FedExSandbox.trackingNumber();
        String id = announce(tracking);
        byte[] push = FedExSandbox.webhookPush(tracking, "old-" + tracking);
        String old = String.valueOf(Instant.now().minus(Duration.ofMinutes(20)).getEpochSecond());
        long receipts = receipts();

        Api.Response r = webhook(push, FedExSandbox.sign(old, push, FedExSandbox.WEBHOOK_SECRET), old);

        assertThat(r.status()).as(r.raw()).isEqualTo(401);
        assertThat(r.text("type")).endsWith("/webhook-replay");
        assertThat(r.text("detail")).contains("too old");
        assertThat(eventsOf(id)).isZero();
        assertThat(receipts()).isEqualTo(receipts);
    }

    @Test
    void thePollingJobAppliesFedExTrackingToOpenShipments() throws Exception {
        String tracking = FedExSandbox.trackingNumber();
        String id = announce(tracking);
        FedExSandbox.stubDeliveredTracking(tracking);
        JobKey job = JobKey.jobKey("shipment-tracking-poll", "integration");
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("shipment-tracking-poll", "integration"));
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(trigger).isNotNull();
        assertThat(trigger.getJobKey()).isEqualTo(job);

        scheduler.triggerJob(job);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DELIVERED".equals(status(id)));
        JsonNode events = api.get("/api/v1/shipments/" + id + "/events", Tokens.user(port, "manager")).body();
        assertThat(events).hasSize(5);
        assertThat(events.get(0).get("status").asText()).isEqualTo("LABEL_CREATED");
        assertThat(events.get(4).get("code").asText()).isEqualTo("DL");
        assertThat(events.get(4).get("source").asText()).isEqualTo("POLL");
        JsonNode shipment = api.get("/api/v1/shipments/" + id, Tokens.user(port, "manager")).body();
        assertThat(Instant.parse(shipment.get("deliveredAt").asText())).isEqualTo(Instant.parse("2026-03-05T16:12:00Z"));
        assertThat(shipment.get("lastTrackedAt").isNull()).isFalse();
        FedExSandbox.server().verify(postRequestedFor(urlEqualTo("/track/v1/trackingnumbers"))
                .withRequestBody(containing(tracking)));

        // a second run asks no more about the delivered shipment (only about open ones) and stores nothing twice
        int before = FedExSandbox.server().findAll(postRequestedFor(urlEqualTo("/track/v1/trackingnumbers"))
                .withRequestBody(containing(tracking))).size();
        String open = announce(FedExSandbox.trackingNumber());
        scheduler.triggerJob(job);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> tracked(open));
        assertThat(jdbc.queryForObject("select tracking_error from shipment where id = ?::uuid", String.class, open))
                .contains("reported nothing");
        assertThat(FedExSandbox.server().findAll(postRequestedFor(urlEqualTo("/track/v1/trackingnumbers"))
                .withRequestBody(containing(tracking)))).hasSize(before);
        assertThat(eventsOf(id)).isEqualTo(5);
    }

    // ----

    /** An inbound FedEx shipment (ASN) to track; returns its id. */
    private String announce(String tracking) {
        Api.Response r = api.post("/api/v1/shipments/inbound", Tokens.user(port, "buyer"), Map.of("referenceType",
                "ASN", "referenceId", UUID.randomUUID(), "carrierCode", "fedex", "trackingNumber", tracking));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("id").asText();
    }

    private Api.Response webhook(byte[] body, String signature, String timestamp) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (signature != null) {
            headers.put("fdx-signature", signature);
        }
        if (timestamp != null) {
            headers.put("X-Webhook-Timestamp", timestamp);
        }
        return api.post(WEBHOOK, null, new String(body, StandardCharsets.UTF_8), headers);
    }

    private String status(String id) {
        return jdbc.queryForObject("select status from shipment where id = ?::uuid", String.class, id);
    }

    private long eventsOf(String id) {
        return jdbc.queryForObject("select count(*) from shipment_event where shipment_id = ?::uuid", Long.class, id);
    }

    private long audits(String id) {
        return jdbc.queryForObject("select count(*) from audit_record where entity_type = 'Shipment' and entity_id = ?",
                Long.class, id);
    }

    private long receipts() {
        return jdbc.queryForObject("select count(*) from carrier_webhook_receipt", Long.class);
    }

    private boolean tracked(String id) {
        return jdbc.queryForObject("select last_tracked_at is not null from shipment where id = ?::uuid",
                Boolean.class, id);
    }
}
