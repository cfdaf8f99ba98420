package io.millflow.app.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A WireMock stand-in for FedEx's REST API, one per JVM like the app context: it always hands out OAuth tokens;
 * tests stub bookings, tracking and cancellations for their own tracking numbers (all test classes share it, so
 * stubs match on what is unique to a test). Its port reaches the app as {@code millflow.test.fedex-port}
 * ({@code application-test.yml} builds FedEx's base URL from it).
 */
public final class FedExSandbox implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The webhook secret of {@code application-test.yml}. */
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    private static final WireMockServer SERVER = start();
    private static final AtomicLong NUMBERS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("millflow.test.fedex-port=" + SERVER.port()).applyTo(context);
    }

    public static WireMockServer server() {
        return SERVER;
    }

    /** A tracking number no other test uses. */
    public static String trackingNumber() {
        return "79" + NUMBERS.incrementAndGet();
    }

    /** FedEx books the shipment whose label shows {@code reference} as {@code trackingNumber} with this label. */
    public static void stubBooking(String reference, String trackingNumber, byte[] labelPdf) {
        String label = Base64.getEncoder().encodeToString(labelPdf);
        SERVER.stubFor(post(urlEqualTo("/ship/v1/shipments"))
                .withRequestBody(matchingJsonPath(
                        "$.requestedShipment.requestedPackageLineItems[0].customerReferences[0].value",
                        equalTo(reference)))
                .willReturn(okJson("""
                        {"transactionId": "ship-%1$s", "output": {"transactionShipments": [{
                          "serviceType": "FEDEX_INTERNATIONAL_PRIORITY", "masterTrackingNumber": "%1$s",
                          "pieceResponses": [{"masterTrackingNumber": "%1$s", "trackingNumber": "%1$s",
                            "packageDocuments": [{"contentType": "LABEL", "encodedLabel": "%2$s", "docType": "PDF"}]}],
                          "completedShipmentDetail": {"shipmentRating": {"shipmentRateDetails": [
                            {"rateType": "PAYOR_ACCOUNT_PACKAGE", "totalNetCharge": 131.72, "currency": "EUR"}]}}
                        }]}}""".formatted(trackingNumber, label))));
    }

    /** FedEx's documented rate answer ({@code fedex/rate-quotes.json}): economy and priority, in EUR. */
    public static void stubRates() {
        SERVER.stubFor(post(urlEqualTo("/rate/v1/rates/quotes")).willReturn(okJson(resource("rate-quotes.json"))));
    }

    /** FedEx cancels this shipment. */
    public static void stubCancel(String trackingNumber) {
        SERVER.stubFor(put(urlEqualTo("/ship/v1/shipments/cancel"))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo(trackingNumber)))
                .willReturn(okJson("{\"transactionId\": \"cancel-" + trackingNumber + "\", \"output\": "
                        + "{\"cancelledShipment\": true, \"successMessage\": \"Success\"}}")));
    }

    /**
     * FedEx's Track API answers for {@code trackingNumber}, whatever else the call asks for, with the documented
     * answer of a delivered shipment ({@code fedex/track.json}: five scans, label created to delivered).
     */
    public static void stubDeliveredTracking(String trackingNumber) {
        SERVER.stubFor(post(urlEqualTo("/track/v1/trackingnumbers"))
                .withRequestBody(matchingJsonPath("$.trackingInfo[?(@.trackingNumberInfo.trackingNumber == '"
                        + trackingNumber + "')]"))
                .willReturn(okJson(resource("track.json").replace("794953555571", trackingNumber))));
    }

    /** A FedEx webhook push for one tracking number: picked up, left the origin facility; estimated delivery. */
    public static byte[] webhookPush(String trackingNumber, String transactionId) {
        return resource("webhook-push.json").replace("${trackingNumber}", trackingNumber)
                .replace("${transactionId}", transactionId).getBytes(StandardCharsets.UTF_8);
    }

    /** The signature FedEx's header carries for a call with this timestamp: Base64 HMAC-SHA256 of {@code ts.body}. */
    public static String sign(String timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\": \"sandbox-token\", "
                + "\"token_type\": \"bearer\", \"expires_in\": 3599, \"scope\": \"CXS\"}")));
        // FedEx knows no other tracking number (tests stub theirs with the default, higher priority)
        server.stubFor(post(urlEqualTo("/track/v1/trackingnumbers")).atPriority(10)
                .willReturn(okJson("{\"transactionId\": \"track-none\", \"output\": {\"completeTrackResults\": []}}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fedex-sandbox-stop"));
        return server;
    }

    private static String resource(String name) {
        try (InputStream in = FedExSandbox.class.getResourceAsStream("/fedex/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No FedEx fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
