package io.millflow.integration.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.millflow.integration.carrier.Fixtures.fedex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.millflow.integration.carrier.CarrierProblems.CarrierCircuitOpen;
import io.millflow.integration.carrier.CarrierProblems.CarrierNotAuthorized;
import io.millflow.integration.carrier.CarrierProblems.CarrierRateLimited;
import io.millflow.integration.carrier.CarrierProblems.CarrierRejected;
import io.millflow.integration.carrier.CarrierProblems.CarrierTimeout;
import io.millflow.integration.carrier.CarrierProblems.CarrierUnavailable;
import io.millflow.integration.carrier.CarrierProblems.InvalidLabel;
import io.millflow.integration.carrier.CarrierProblems.UnknownTrackingNumber;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/**
 * The FedEx adapter against WireMock stubs that answer with FedEx's documented shapes
 * ({@code src/test/resources/fedex}). Nothing here reaches the internet: the base URL is WireMock's on a free port.
 */
class FedExCarrierTest {

    private static final String TOKEN = "/oauth/token";
    private static final String RATES = "/rate/v1/rates/quotes";
    private static final String SHIP = "/ship/v1/shipments";
    private static final String CANCEL = "/ship/v1/shipments/cancel";
    private static final String TRACK = "/track/v1/trackingnumbers";

    @RegisterExtension
    static WireMockExtension fedexApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path labelDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

    // ---- rate, ship, track, cancel ----

    @Test
    void rateQuoteSendsTheDocumentedRequestAndReadsQuotesCheapestFirst() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(RATES)).willReturn(okJson(fedex("rate-quotes.json"))));

        List<RateQuote> quotes = carrier().quote(Fixtures.rateRequest());

        assertThat(quotes).extracting(q -> q.service().code())
                .containsExactly("INTERNATIONAL_ECONOMY", "FEDEX_INTERNATIONAL_PRIORITY");
        RateQuote priority = quotes.get(1);
        assertThat(priority.service().name()).isEqualTo("FedEx International Priority®");
        assertThat(priority.charge()).isEqualTo(new Money(new BigDecimal("131.72"), "EUR"));
        assertThat(priority.listCharge()).isEqualTo(new Money(new BigDecimal("148.90"), "EUR"));
        fedexApi.verify(1, postRequestedFor(urlEqualTo(RATES))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("X-locale", equalTo("en_US"))
                .withHeader("x-customer-transaction-id", matching("[0-9a-f-]{36}"))
                .withRequestBody(matchingJsonPath("$.accountNumber.value", equalTo("740561073")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.shipper.address.postalCode", equalTo("50829")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.recipient.address.stateOrProvinceCode",
                        equalTo("TN")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.rateRequestType[0]", equalTo("ACCOUNT")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.shipDateStamp", equalTo("2026-03-02")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.requestedPackageLineItems[0].weight.units",
                        equalTo("KG")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.requestedPackageLineItems[0].dimensions.length",
                        equalTo("60")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.requestedPackageLineItems[1].weight.value",
                        equalTo("3.2"))));
        fedexApi.verify(1, postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=test-client"))
                .withRequestBody(containing("client_secret=test-secret")));
    }

    @Test
    void createShipmentBooksWithPdfLabelsAndStoresThemOutsideTheDatabase() throws IOException {
        tokens("token-1");
        byte[] first = Fixtures.pdf("label 794953555571");
        byte[] second = Fixtures.pdf("label 794953555582");
        fedexApi.stubFor(post(urlEqualTo(SHIP)).willReturn(okJson(fedex("ship.json")
                .replace("${label1}", Base64.getEncoder().encodeToString(first))
                .replace("${label2}", Base64.getEncoder().encodeToString(second)))));
        FileSystemLabelStore labels = new FileSystemLabelStore(labelDir, clock);
        ShipmentBooking booking = new ShipmentBooking(new Carriers(List.of(carrier())), labels);

        BookedShipment booked = booking.book("fedex", Fixtures.shipmentRequest());

        assertThat(booked.masterTrackingNumber()).isEqualTo("794953555571");
        assertThat(booked.charge()).isEqualTo(new Money(new BigDecimal("131.72"), "EUR"));
        assertThat(booked.packages()).extracting(BookedShipment.Package::trackingNumber)
                .containsExactly("794953555571", "794953555582");
        byte[] stored = labels.read(booked.packages().get(0).label());
        assertThat(new String(stored, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(stored).isEqualTo(first);
        assertThat(labels.read(booked.packages().get(1).label())).isEqualTo(second);
        Path file = labelDir.resolve(booked.packages().get(0).label().value());
        assertThat(file).isRegularFile();
        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        fedexApi.verify(1, postRequestedFor(urlEqualTo(SHIP))
                .withRequestBody(matchingJsonPath("$.labelResponseOptions", equalTo("LABEL")))
                .withRequestBody(matchingJsonPath("$.accountNumber.value", equalTo("740561073")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.labelSpecification.imageType", equalTo("PDF")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.shipDatestamp", equalTo("2026-03-02")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.serviceType",
                        equalTo("FEDEX_INTERNATIONAL_PRIORITY")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.shippingChargesPayment.paymentType",
                        equalTo("SENDER")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.shipper.contact.personName",
                        equalTo("Anna Berger")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.recipients[0].address.streetLines[1]",
                        equalTo("Suite 200")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.requestedPackageLineItems[1].sequenceNumber",
                        equalTo("2")))
                .withRequestBody(matchingJsonPath(
                        "$.requestedShipment.requestedPackageLineItems[0].customerReferences[0].value",
                        equalTo("DN-2026-000042"))));
    }

    @Test
    void aShipmentWhoseLabelIsNotPdfIsCancelledAtFedEx() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(SHIP)).willReturn(okJson(fedex("ship.json")
                .replace("${label1}", Base64.getEncoder().encodeToString("<html>oops</html>".getBytes()))
                .replace("${label2}", Base64.getEncoder().encodeToString(Fixtures.pdf("2"))))));
        fedexApi.stubFor(put(urlEqualTo(CANCEL)).willReturn(okJson(fedex("cancel.json"))));
        ShipmentBooking booking = new ShipmentBooking(new Carriers(List.of(carrier())),
                new FileSystemLabelStore(labelDir, clock));

        assertThatThrownBy(() -> booking.book("fedex", Fixtures.shipmentRequest()))
                .isInstanceOf(InvalidLabel.class)
                .hasMessageContaining("794953555571");
        fedexApi.verify(1, putRequestedFor(urlEqualTo(CANCEL))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo("794953555571"))));
    }

    @Test
    void trackReturnsTheLatestStatusAndTheEventsOldestFirst() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(TRACK)).willReturn(okJson(fedex("track.json"))));

        TrackingInfo info = carrier().track("794953555571");

        assertThat(info.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(info.description()).isEqualTo("Delivered");
        assertThat(info.events()).extracting(TrackingEvent::status).containsExactly(TrackingStatus.LABEL_CREATED,
                TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.DELIVERED);
        TrackingEvent pickedUp = info.events().get(1);
        assertThat(pickedUp.occurredAt()).isEqualTo(Instant.parse("2026-03-02T15:40:00Z"));
        assertThat(pickedUp.location()).isEqualTo("KOELN, DE");
        assertThat(info.events().get(4).occurredAt()).isEqualTo(Instant.parse("2026-03-05T16:12:00Z"));
        assertThat(info.events().get(4).carrierCode()).isEqualTo("DL");
        fedexApi.verify(1, postRequestedFor(urlEqualTo(TRACK))
                .withRequestBody(matchingJsonPath("$.includeDetailedScans", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.trackingInfo[0].trackingNumberInfo.trackingNumber",
                        equalTo("794953555571"))));
    }

    @Test
    void trackAllAsksForThirtyNumbersPerCallAndLeavesOutWhatFedExDoesNotKnow() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(TRACK)).willReturn(okJson(fedex("track.json"))));
        List<String> numbers = new java.util.ArrayList<>(List.of("794953555571"));
        for (int i = 1; i <= 30; i++) {
            numbers.add("7000000000" + String.format("%02d", i));
        }

        java.util.Map<String, TrackingInfo> found = carrier().trackAll(numbers);

        assertThat(found).containsOnlyKeys("794953555571");
        assertThat(found.get("794953555571").status()).isEqualTo(TrackingStatus.DELIVERED);
        List<LoggedRequest> calls = fedexApi.findAll(postRequestedFor(urlEqualTo(TRACK)));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getBodyAsString()).contains("794953555571", "700000000029")
                .doesNotContain("700000000030");
        assertThat(calls.get(1).getBodyAsString()).contains("700000000030").doesNotContain("794953555571");
    }

    @Test
    void aWebhookPushReadsLikeATrackAnswerWithItsEstimatedDelivery() {
        byte[] body = fedex("webhook-push.json").replace("${trackingNumber}", "794953555571")
                .replace("${transactionId}", "push-1").getBytes(StandardCharsets.UTF_8);

        FedExWebhookPayload.Delivery delivery = FedExWebhookPayload.parse(body);

        assertThat(delivery.eventId()).isEqualTo("push-1");
        assertThat(delivery.updates()).hasSize(1);
        TrackingInfo info = delivery.updates().get(0);
        assertThat(info.trackingNumber()).isEqualTo("794953555571");
        assertThat(info.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(info.estimatedDelivery()).isEqualTo(Instant.parse("2026-03-05T23:00:00Z"));
        assertThat(info.events()).extracting(TrackingEvent::carrierCode).containsExactly("PU", "DP");
        assertThatThrownBy(() -> FedExWebhookPayload.parse("{\"nothing\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(io.millflow.shared.ProblemException.InvalidInput.class);
    }

    @Test
    void anUnknownTrackingNumberIsNotFound() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(TRACK)).willReturn(okJson(fedex("track-not-found.json"))));

        UnknownTrackingNumber problem = catchThrowableOfType(UnknownTrackingNumber.class,
                () -> carrier().track("123456789012"));

        assertThat(problem.carrierCode()).isEqualTo("TRACKING.TRACKINGNUMBER.NOTFOUND");
        assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void cancelSendsTheTrackingNumberAndFailsWhenFedExDidNotCancel() {
        tokens("token-1");
        fedexApi.stubFor(put(urlEqualTo(CANCEL)).willReturn(okJson(fedex("cancel.json"))));

        carrier().cancel("794953555571");

        fedexApi.verify(1, putRequestedFor(urlEqualTo(CANCEL))
                .withRequestBody(matchingJsonPath("$.accountNumber.value", equalTo("740561073")))
                .withRequestBody(matchingJsonPath("$.senderCountryCode", equalTo("DE")))
                .withRequestBody(matchingJsonPath("$.deletionControl", equalTo("DELETE_ALL_PACKAGES")))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo("794953555571"))));

        fedexApi.stubFor(put(urlEqualTo(CANCEL)).willReturn(okJson(fedex("cancel.json")
                .replace("\"cancelledShipment\": true", "\"cancelledShipment\": false"))));
        assertThatThrownBy(() -> carrier().cancel("794953555571")).isInstanceOf(CarrierRejected.class)
                .hasMessageContaining("did not cancel 794953555571");
    }

    // ---- token ----

    @Test
    void theTokenIsReusedUntilShortlyBeforeItExpires() {
        tokens("token-1", "token-2");
        fedexApi.stubFor(post(urlEqualTo(RATES)).willReturn(okJson(fedex("rate-quotes.json"))));
        FedExCarrier carrier = carrier();

        carrier.quote(Fixtures.rateRequest());
        clock.advance(Duration.ofMinutes(54));
        carrier.quote(Fixtures.rateRequest());
        fedexApi.verify(1, postRequestedFor(urlEqualTo(TOKEN)));

        clock.advance(Duration.ofMinutes(1)); // 55 min: within 5 min of expires_in 3599 s
        carrier.quote(Fixtures.rateRequest());
        fedexApi.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        fedexApi.verify(1, postRequestedFor(urlEqualTo(RATES)).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
        tokens("token-1", "token-2");
        fedexApi.stubFor(post(urlEqualTo(RATES)).withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(json(401, fedex("error-401.json"))));
        fedexApi.stubFor(post(urlEqualTo(RATES)).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson(fedex("rate-quotes.json"))));

        List<RateQuote> quotes = carrier().quote(Fixtures.rateRequest());

        assertThat(quotes).hasSize(2);
        fedexApi.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        fedexApi.verify(2, postRequestedFor(urlEqualTo(RATES)));
    }

    @Test
    void aTokenRefusedAgainAfterRenewalIsAConfigurationProblem() {
        tokens("token-1", "token-2");
        fedexApi.stubFor(post(urlEqualTo(RATES)).willReturn(json(401, fedex("error-401.json"))));

        CarrierNotAuthorized problem = catchThrowableOfType(CarrierNotAuthorized.class,
                () -> carrier().quote(Fixtures.rateRequest()));

        assertThat(problem.carrierCode()).isEqualTo("NOT.AUTHORIZED.ERROR");
        assertThat(problem).hasMessageContaining("millflow.carriers.fedex.client-id");
        fedexApi.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        fedexApi.verify(2, postRequestedFor(urlEqualTo(RATES)));
    }

    @Test
    void wrongCredentialsAreRefusedWithoutRetries() {
        fedexApi.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(401, """
                {"transactionId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                 "errors": [{"code": "NOT.AUTHORIZED.ERROR",
                             "message": "The given client credentials were not valid. Please modify your request and try again."}]}
                """)));

        assertThatThrownBy(() -> carrier().quote(Fixtures.rateRequest())).isInstanceOf(CarrierNotAuthorized.class)
                .hasMessageContaining("client credentials were not valid");
        fedexApi.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
        fedexApi.verify(0, postRequestedFor(urlEqualTo(RATES)));
    }

    // ---- errors, retries, circuit breaker ----

    @Test
    void a400NamesFedExsCodeAndIsNotRetried() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(RATES)).willReturn(json(400, fedex("error-400.json"))));

        CarrierRejected problem = catchThrowableOfType(CarrierRejected.class,
                () -> carrier().quote(Fixtures.rateRequest()));

        assertThat(problem.carrierCode()).isEqualTo("STANDARDIZED.ADDRESS.NOTFOUND");
        assertThat(problem.transactionId()).isEqualTo("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
        assertThat(problem).hasMessageContaining("FedEx refused the rate quote: STANDARDIZED.ADDRESS.NOTFOUND")
                .hasMessageContaining("Standardized address is not found.");
        assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.type()).isEqualTo("carrier-rejected");
        fedexApi.verify(1, postRequestedFor(urlEqualTo(RATES)));
    }

    @Test
    void a429IsRetriedAfterTheWaitFedExAsksFor() {
        tokens("token-1");
        inSequence(() -> post(urlEqualTo(RATES)), json(429, fedex("error-429.json")).withHeader("Retry-After", "1"),
                okJson(fedex("rate-quotes.json")));

        List<RateQuote> quotes = carrier().quote(Fixtures.rateRequest());

        assertThat(quotes).hasSize(2);
        List<LoggedRequest> calls = fedexApi.findAll(postRequestedFor(urlEqualTo(RATES)));
        assertThat(calls).hasSize(2);
        Duration pause = Duration.between(calls.get(0).getLoggedDate().toInstant(),
                calls.get(1).getLoggedDate().toInstant());
        assertThat(pause).as("Retry-After: 1 honoured, not the 20 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a429WithAWaitLongerThanAllowedFailsAtOnce() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(RATES))
                .willReturn(json(429, fedex("error-429.json")).withHeader("Retry-After", "120")));

        CarrierRateLimited problem = catchThrowableOfType(CarrierRateLimited.class,
                () -> carrier().quote(Fixtures.rateRequest()));

        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(problem.carrierCode()).isEqualTo("TOO.MANY.REQUESTS");
        assertThat(problem).hasMessageContaining("wait 120 s");
        fedexApi.verify(1, postRequestedFor(urlEqualTo(RATES)));
    }

    @Test
    void a5xxIsRetriedWithBackoffThenSucceeds() {
        tokens("token-1");
        inSequence(() -> post(urlEqualTo(TRACK)), json(503, fedex("error-503.json")), okJson(fedex("track.json")));

        TrackingInfo info = carrier().track("794953555571");

        assertThat(info.status()).isEqualTo(TrackingStatus.DELIVERED);
        fedexApi.verify(2, postRequestedFor(urlEqualTo(TRACK)));
    }

    @Test
    void persistent5xxGiveUpAfterTheAttemptsThenOpenTheCircuitSoThatCallsFailFast() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(RATES)).willReturn(json(503, fedex("error-503.json"))));
        FedExCarrier carrier = carrier();

        CarrierUnavailable first = catchThrowableOfType(CarrierUnavailable.class,
                () -> carrier.quote(Fixtures.rateRequest()));
        assertThat(first).isNotInstanceOf(CarrierCircuitOpen.class);
        assertThat(first.carrierCode()).isEqualTo("SERVICE.UNAVAILABLE.ERROR");
        fedexApi.verify(3, postRequestedFor(urlEqualTo(RATES)));

        assertThatThrownBy(() -> carrier.quote(Fixtures.rateRequest())).isInstanceOf(CarrierCircuitOpen.class);
        int sent = fedexApi.findAll(postRequestedFor(urlEqualTo(RATES))).size();
        assertThat(sent).as("the 4th failure of the window opens the circuit").isEqualTo(4);

        long start = System.nanoTime();
        CarrierCircuitOpen open = catchThrowableOfType(CarrierCircuitOpen.class,
                () -> carrier.quote(Fixtures.rateRequest()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(open.type()).isEqualTo("carrier-circuit-open");
        assertThat(open).hasMessageContaining("FedEx failed too often");
        fedexApi.verify(4, postRequestedFor(urlEqualTo(RATES)));
    }

    @Test
    void aReadTimeoutOnAQuoteIsRetriedThenReportedClearly() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(RATES))
                .willReturn(okJson(fedex("rate-quotes.json")).withFixedDelay(5_000)));

        CarrierTimeout problem = catchThrowableOfType(CarrierTimeout.class,
                () -> carrier(Duration.ofMillis(300)).quote(Fixtures.rateRequest()));

        assertThat(problem).hasMessage("FedEx did not answer the rate quote in time");
        assertThat(problem.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(problem.outcomeUnknown()).isFalse();
        fedexApi.verify(3, postRequestedFor(urlEqualTo(RATES)));
    }

    @Test
    void aReadTimeoutOnABookingIsNotRepeatedBecauseFedExMayHaveBookedIt() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(SHIP)).willReturn(okJson("{}").withFixedDelay(5_000)));

        CarrierTimeout problem = catchThrowableOfType(CarrierTimeout.class,
                () -> carrier(Duration.ofMillis(300)).createShipment(Fixtures.shipmentRequest()));

        assertThat(problem.outcomeUnknown()).isTrue();
        assertThat(problem).hasMessageContaining("check at FedEx before trying again");
        fedexApi.verify(1, postRequestedFor(urlEqualTo(SHIP)));
    }

    @Test
    void anUnreadableBookingAnswerIsNotRepeated() {
        tokens("token-1");
        fedexApi.stubFor(post(urlEqualTo(SHIP)).willReturn(json(200, "{\"output\": {\"transactionShipments\": [")));

        CarrierUnavailable problem = catchThrowableOfType(CarrierUnavailable.class,
                () -> carrier().createShipment(Fixtures.shipmentRequest()));

        assertThat(problem).hasMessageStartingWith("FedEx's answer to the shipment cannot be read")
                .hasMessageContaining("check at FedEx before trying again");
        assertThat(problem.outcomeUnknown()).isTrue();
        fedexApi.verify(1, postRequestedFor(urlEqualTo(SHIP)));
    }

    @Test
    void anUnreachableFedExIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FedExCarrier carrier = new FedExCarrier(props("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5)),
                RestClient.builder(), clock);

        CarrierUnavailable problem = catchThrowableOfType(CarrierUnavailable.class,
                () -> carrier.quote(Fixtures.rateRequest()));

        assertThat(problem).hasMessageContaining("FedEx could not be reached for the token request");
        assertThat(problem.outcomeUnknown()).isFalse();
    }

    // ---- helpers ----

    /** A carrier with a read timeout generous enough for a loaded build machine. */
    private FedExCarrier carrier() {
        return carrier(Duration.ofSeconds(5));
    }

    private FedExCarrier carrier(Duration readTimeout) {
        return new FedExCarrier(props(fedexApi.baseUrl(), readTimeout), RestClient.builder(), clock);
    }

    /** Test settings: 3 attempts 20 ms (then 40 ms) apart, at most 2 s Retry-After, a circuit of 4 calls. */
    static FedExProperties props(String baseUrl, Duration readTimeout) {
        return new FedExProperties(true, URI.create(baseUrl), "test-client", "test-secret", "740561073", "DE",
                null, Duration.ofSeconds(2), readTimeout, Duration.ofMinutes(5), null, null, null,
                new FedExProperties.Retry(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(100),
                        Duration.ofSeconds(2)),
                new FedExProperties.CircuitBreaker(50f, 4, 4, Duration.ofMinutes(1)), null);
    }

    /** The token endpoint hands out these tokens one after the other, then keeps the last. */
    private static void tokens(String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            ScenarioMappingBuilder stub = post(urlEqualTo(TOKEN)).inScenario("token")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "token-" + i)
                    .willReturn(okJson("{\"access_token\": \"" + tokens[i] + "\", \"token_type\": \"bearer\", "
                            + "\"expires_in\": 3599, \"scope\": \"CXS\"}"));
            if (i + 1 < tokens.length) {
                stub = stub.willSetStateTo("token-" + (i + 1));
            }
            fedexApi.stubFor(stub);
        }
    }

    /** The first call gets {@code first}, every later one {@code then}. */
    private static void inSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        String scenario = "sequence-" + UUID.randomUUID();
        fedexApi.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(first)
                .willSetStateTo("answered"));
        fedexApi.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("answered").willReturn(then));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
