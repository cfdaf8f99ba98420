package io.millflow.calendar.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.millflow.calendar.CalendarException;
import io.millflow.calendar.CalendarGateway.ChangePage;
import io.millflow.calendar.CalendarGateway.EventData;
import io.millflow.calendar.CalendarGateway.RemoteEvent;
import io.millflow.calendar.GoogleCalendarProperties;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Google Calendar adapter against WireMock stubs shaped as the Calendar API v3 and Google's OAuth2 token endpoint
 * document their answers (events resource, error body {@code {"error": {"errors": [{"reason"}], "code", "message"}}},
 * token error {@code {"error": "invalid_grant", "error_description"}}). Only loopback is used.
 */
class GoogleCalendarClientTest {

    private static final String CAL = "projects@example.com";
    private static final String EVENTS = "/calendar/v3/calendars/projects%40example.com/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
    private final List<Duration> pauses = new ArrayList<>();

    private GoogleCalendarProperties settings() {
        return GoogleCalendarProperties.forTest(URI.create(google.baseUrl() + "/calendar/v3"),
                URI.create(google.baseUrl() + "/token"), CAL);
    }

    private GoogleCalendarClient client(GoogleCalendarProperties settings) {
        return new GoogleCalendarClient(settings, clock, pauses::add);
    }

    private GoogleCalendarClient client() {
        return client(settings());
    }

    private static void token(String accessToken) {
        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson(
                "{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
    }

    private static String event(String id, String etag, String status, String start, String end, String updated) {
        return "{\"kind\": \"calendar#event\", \"etag\": \"\\\"" + etag + "\\\"\", \"id\": \"" + id + "\", "
                + "\"status\": \"" + status + "\", \"htmlLink\": \"https://www.google.com/calendar/event?eid=x\", "
                + "\"created\": \"2026-11-01T08:00:00.000Z\", \"updated\": \"" + updated + "\", "
                + "\"summary\": \"◆ Design review [PRJ-1]\", \"start\": {\"date\": \"" + start + "\"}, "
                + "\"end\": {\"date\": \"" + end + "\"}, \"iCalUID\": \"" + id + "@google.com\", \"sequence\": 1}";
    }

    private static final EventData MILESTONE = new EventData("mfm0123456789abcdef0123456789abcdef", "◆ Design review [PRJ-1]",
            "PRJ-1 T-3 · Test project", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2),
            Map.of("millflowKey", "MILESTONE:0123"));

    private static String rateLimited() {
        return "{\"error\": {\"errors\": [{\"domain\": \"usageLimits\", \"reason\": \"rateLimitExceeded\", "
                + "\"message\": \"Rate Limit Exceeded\"}], \"code\": 403, \"message\": \"Rate Limit Exceeded\"}}";
    }

    private static String backendError(int code) {
        return "{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"backendError\", "
                + "\"message\": \"Backend Error\"}], \"code\": " + code + ", \"message\": \"Backend Error\"}}";
    }

    // ------------------------------------------------------------------ upsert, delete

    @Test
    void upsertInsertsWithOurIdWhenTheEventDoesNotExistYet() throws Exception {
        token("ya29.first");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"notFound\", "
                        + "\"message\": \"Not Found\"}], \"code\": 404, \"message\": \"Not Found\"}}")));
        google.stubFor(post(urlEqualTo(EVENTS)).willReturn(okJson(event(MILESTONE.id(), "3181161784712000", "confirmed",
                "2026-12-01", "2026-12-02", "2026-11-26T09:00:01.000Z"))));

        RemoteEvent created = client().upsert(CAL, MILESTONE);

        assertThat(created.etag()).isEqualTo("\"3181161784712000\"");
        assertThat(created.start()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(created.updated()).isEqualTo(Instant.parse("2026-11-26T09:00:01Z"));
        google.verify(postRequestedFor(urlEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer ya29.first"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(MILESTONE.id())))
                .withRequestBody(matchingJsonPath("$.start.date", equalTo("2026-12-01")))
                .withRequestBody(matchingJsonPath("$.end.date", equalTo("2026-12-02")))
                .withRequestBody(matchingJsonPath("$.extendedProperties.private.millflowKey",
                        equalTo("MILESTONE:0123"))));
        // the refresh-token grant as Google documents it, once for both calls
        google.verify(1, postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh")).withRequestBody(containing("client_id=client")));
    }

    @Test
    void upsertReplacesAnExistingEvent() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(okJson(event(MILESTONE.id(), "42",
                "confirmed", "2026-12-01", "2026-12-02", "2026-11-26T09:00:00.000Z"))));

        assertThat(client().upsert(CAL, MILESTONE).etag()).isEqualTo("\"42\"");
        google.verify(0, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void deleteTreatsAnEventThatIsGoneAsDeleted() {
        token("ya29.t");
        google.stubFor(delete(urlEqualTo(EVENTS + "/gone1")).willReturn(aResponse().withStatus(410)));
        google.stubFor(delete(urlEqualTo(EVENTS + "/here1")).willReturn(aResponse().withStatus(204)));
        google.stubFor(delete(urlEqualTo(EVENTS + "/forbidden1")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"errors\": [{\"reason\": "
                        + "\"forbiddenForNonOrganizer\"}], \"code\": 403, \"message\": \"Forbidden\"}}")));

        client().delete(CAL, "gone1");
        client().delete(CAL, "here1");
        assertThatThrownBy(() -> client().delete(CAL, "forbidden1")).isInstanceOf(CalendarException.class)
                .hasMessageContaining("forbiddenForNonOrganizer");
        google.verify(1, deleteRequestedFor(urlEqualTo(EVENTS + "/here1")));
        assertThat(pauses).isEmpty();
    }

    // ------------------------------------------------------------------ rate limits, 5xx

    @Test
    void http429WaitsAsLongAsRetryAfterSaysThenSucceeds() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody(rateLimited().replace("403", "429")))
                .willSetStateTo("ok"));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(event(MILESTONE.id(), "7", "confirmed", "2026-12-01", "2026-12-02",
                        "2026-11-26T09:00:00.000Z"))));

        assertThat(client().upsert(CAL, MILESTONE).etag()).isEqualTo("\"7\"");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2));
        google.verify(2, putRequestedFor(urlEqualTo(EVENTS + "/" + MILESTONE.id())));
    }

    @Test
    void rateLimitExceeded403BacksOffExponentiallyWithoutRetryAfter() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("403").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(rateLimited())).willSetStateTo("again"));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("403").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(rateLimited())).willSetStateTo("ok"));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("403").whenScenarioStateIs("ok")
                .willReturn(okJson(event(MILESTONE.id(), "8", "confirmed", "2026-12-01", "2026-12-02",
                        "2026-11-26T09:00:00.000Z"))));

        assertThat(client().upsert(CAL, MILESTONE).etag()).isEqualTo("\"8\"");
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void a403ThatIsNoRateLimitIsNotRetried() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"errors\": [{\"domain\": "
                        + "\"global\", \"reason\": \"requiredAccessLevel\", \"message\": \"You need to have writer "
                        + "access to this calendar.\"}], \"code\": 403, \"message\": \"You need to have writer access "
                        + "to this calendar.\"}}")));

        assertThatThrownBy(() -> client().upsert(CAL, MILESTONE)).isInstanceOf(CalendarException.class)
                .hasMessageContaining("writer access").hasMessageContaining("requiredAccessLevel");
        google.verify(1, putRequestedFor(urlEqualTo(EVENTS + "/" + MILESTONE.id())));
        assertThat(pauses).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimes() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(backendError(503))));

        assertThatThrownBy(() -> client().upsert(CAL, MILESTONE)).isInstanceOf(CalendarException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("gave up after 4 attempts")
                .satisfies(e -> assertThat(((CalendarException) e).status()).isEqualTo(503));
        google.verify(4, putRequestedFor(urlEqualTo(EVENTS + "/" + MILESTONE.id())));
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void aRetryAfterLongerThanTheLongestPauseEndsTheCallAndTellsWhenToComeBack() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> client().upsert(CAL, MILESTONE)).isInstanceOf(CalendarException.class)
                .satisfies(e -> assertThat(((CalendarException) e).retryAfter()).isEqualTo(Duration.ofHours(1)));
        google.verify(1, putRequestedFor(urlEqualTo(EVENTS + "/" + MILESTONE.id())));
        assertThat(pauses).isEmpty();
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void aRefusedGrantIsAnAuthorizationErrorAndTheApiIsNotCalled() {
        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));

        assertThatThrownBy(() -> client().upsert(CAL, MILESTONE)).isInstanceOf(CalendarException.Unauthorized.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("expired or revoked");
        google.verify(0, putRequestedFor(urlPathEqualTo(EVENTS + "/" + MILESTONE.id())));
        assertThat(pauses).isEmpty();
    }

    @Test
    void aTokenEndpointOutageIsRetried() {
        google.stubFor(post(urlEqualTo("/token")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        google.stubFor(post(urlEqualTo("/token")).inScenario("token").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\": \"ya29.late\", \"expires_in\": 3599}")));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(okJson(event(MILESTONE.id(), "9",
                "confirmed", "2026-12-01", "2026-12-02", "2026-11-26T09:00:00.000Z"))));

        client().upsert(CAL, MILESTONE);

        google.verify(putRequestedFor(urlEqualTo(EVENTS + "/" + MILESTONE.id()))
                .withHeader("Authorization", equalTo("Bearer ya29.late")));
        assertThat(pauses).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void an401FromTheApiFetchesANewTokenOnce() {
        google.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"ya29.old\", \"expires_in\": 3599}")).willSetStateTo("new"));
        google.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs("new")
                .willReturn(okJson("{\"access_token\": \"ya29.new\", \"expires_in\": 3599}")));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).withHeader("Authorization",
                equalTo("Bearer ya29.old")).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"errors\": [{\"domain\": "
                                + "\"global\", \"reason\": \"authError\", \"message\": \"Invalid Credentials\", "
                                + "\"locationType\": \"header\", \"location\": \"Authorization\"}], \"code\": 401, "
                                + "\"message\": \"Invalid Credentials\"}}")));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).withHeader("Authorization",
                equalTo("Bearer ya29.new")).willReturn(okJson(event(MILESTONE.id(), "10", "confirmed", "2026-12-01",
                        "2026-12-02", "2026-11-26T09:00:00.000Z"))));

        assertThat(client().upsert(CAL, MILESTONE).etag()).isEqualTo("\"10\"");
        google.verify(2, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void serviceAccountSignsAJwtBearerGrantWithItsKey() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> keyFile = new LinkedHashMap<>();
        keyFile.put("type", "service_account");
        keyFile.put("client_email", "millflow-sync@firm-calendar.iam.gserviceaccount.com");
        keyFile.put("private_key", pem);
        Path file = dir.resolve("key.json");
        Files.writeString(file, JSON.writeValueAsString(keyFile));
        GoogleCalendarProperties base = settings();
        GoogleCalendarProperties sa = new GoogleCalendarProperties(true, CAL, base.apiBaseUrl(), base.tokenUri(),
                GoogleCalendarProperties.Auth.SERVICE_ACCOUNT, file, "planner@firm.example", null, null, null, null,
                null, 2, Duration.ofMillis(10), Duration.ofSeconds(1), null, null, null, null, null);
        token("ya29.sa");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).willReturn(okJson(event(MILESTONE.id(), "11",
                "confirmed", "2026-12-01", "2026-12-02", "2026-11-26T09:00:00.000Z"))));

        client(sa).upsert(CAL, MILESTONE);

        String form = google.findAll(postRequestedFor(urlEqualTo("/token"))).get(0).getBodyAsString();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(params.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = params.get("assertion").split("\\.");
        assertThat(jwt).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("RS256 signature").isTrue();
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo("millflow-sync@firm-calendar.iam.gserviceaccount.com");
        assertThat(claims.get("sub").asText()).isEqualTo("planner@firm.example");
        assertThat(claims.get("scope").asText()).isEqualTo("https://www.googleapis.com/auth/calendar");
        assertThat(claims.get("aud").asText()).isEqualTo(google.baseUrl() + "/token");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
        assertThat(claims.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
    }

    // ------------------------------------------------------------------ changes

    @Test
    void changesFollowPageTokensAndEndWithTheNextSyncToken() {
        token("ya29.t");
        google.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("syncToken", equalTo("CPDAlvWDx70CEPDAlvWDx70CGAU="))
                .withQueryParam("showDeleted", equalTo("true")).withQueryParam("pageToken", com.github.tomakehurst
                        .wiremock.client.WireMock.absent())
                .willReturn(okJson("{\"kind\": \"calendar#events\", \"etag\": \"\\\"p1\\\"\", \"summary\": "
                        + "\"Projects\", \"updated\": \"2026-11-26T08:59:00.000Z\", \"timeZone\": \"Europe/Berlin\", "
                        + "\"accessRole\": \"owner\", \"nextPageToken\": \"page-2\", \"items\": ["
                        + event("mfmaaa", "1", "confirmed", "2026-12-03", "2026-12-04", "2026-11-26T08:58:00.000Z")
                        + "]}")));
        google.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(okJson("{\"kind\": \"calendar#events\", \"etag\": \"\\\"p2\\\"\", "
                        + "\"nextSyncToken\": \"CNEW=\", \"items\": [{\"kind\": \"calendar#event\", \"etag\": "
                        + "\"\\\"2\\\"\", \"id\": \"mfdbbb\", \"status\": \"cancelled\"}]}")));
        GoogleCalendarClient client = client();

        ChangePage first = client.changes(CAL, "CPDAlvWDx70CEPDAlvWDx70CGAU=", null);
        ChangePage second = client.changes(CAL, "CPDAlvWDx70CEPDAlvWDx70CGAU=", first.nextPageToken());

        assertThat(first.nextPageToken()).isEqualTo("page-2");
        assertThat(first.nextSyncToken()).isNull();
        assertThat(first.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("mfmaaa");
            assertThat(e.start()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(e.updated()).isEqualTo(Instant.parse("2026-11-26T08:58:00Z"));
            assertThat(e.cancelled()).isFalse();
        });
        assertThat(second.nextPageToken()).isNull();
        assertThat(second.nextSyncToken()).isEqualTo("CNEW=");
        assertThat(second.events()).singleElement().satisfies(e -> {
            assertThat(e.cancelled()).isTrue();
            assertThat(e.start()).isNull();
        });
        google.verify(getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("pageToken", equalTo("page-2"))
                .withQueryParam("syncToken", equalTo("CPDAlvWDx70CEPDAlvWDx70CGAU=")));
    }

    @Test
    void goneOnASyncTokenAsksForAFullSync() {
        token("ya29.t");
        google.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("syncToken", equalTo("old"))
                .willReturn(aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"errors\": [{\"domain\": \"calendar\", \"reason\": "
                                + "\"fullSyncRequired\", \"message\": \"Sync token is no longer valid, a full sync is "
                                + "required.\"}], \"code\": 410, \"message\": \"Sync token is no longer valid, a full "
                                + "sync is required.\"}}")));

        assertThatThrownBy(() -> client().changes(CAL, "old", null))
                .isInstanceOf(CalendarException.SyncTokenExpired.class).hasMessageContaining("fullSyncRequired");
        assertThat(pauses).isEmpty();
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedFor() {
        token("ya29.t");
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("date").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Thu, 26 Nov 2026 09:00:05 GMT"))
                .willSetStateTo("ok"));
        google.stubFor(put(urlEqualTo(EVENTS + "/" + MILESTONE.id())).inScenario("date").whenScenarioStateIs("ok")
                .willReturn(okJson(event(MILESTONE.id(), "12", "confirmed", "2026-12-01", "2026-12-02",
                        "2026-11-26T09:00:00.000Z"))));

        client(new GoogleCalendarProperties(true, CAL, settings().apiBaseUrl(), settings().tokenUri(),
                GoogleCalendarProperties.Auth.REFRESH_TOKEN, null, null, null, "client", "secret", "refresh", null, 3,
                Duration.ofMillis(10), Duration.ofSeconds(30), null, null, null, null, null)).upsert(CAL, MILESTONE);

        assertThat(pauses).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aTimedEventIsReadAsItsDay() {
        RemoteEvent e = GoogleCalendarClient.event(read("{\"id\": \"x\", \"status\": \"confirmed\", \"etag\": \"\\\"1\\\"\", "
                + "\"updated\": \"2026-11-26T08:00:00.000Z\", \"start\": {\"dateTime\": \"2026-12-05T10:00:00+01:00\"}, "
                + "\"end\": {\"dateTime\": \"2026-12-05T11:00:00+01:00\"}}"));
        assertThat(e.start()).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
