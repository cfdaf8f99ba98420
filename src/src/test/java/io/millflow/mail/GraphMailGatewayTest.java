package io.millflow.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Microsoft Graph adapter against WireMock stubs shaped as Microsoft documents them: the v2.0 token endpoint
 * (client credentials, its error answers), {@code sendMail} (202), the message list of a mailbox folder, PATCH
 * isRead, throttling (429 with Retry-After) and 5xx. Pauses are recorded, not slept.
 */
class GraphMailGatewayTest {

    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String TOKEN = "/" + TENANT + "/oauth2/v2.0/token";
    private static final String SEND = "/v1.0/users/millflow%40contoso.com/sendMail";
    private static final String MESSAGES = "/v1.0/users/approvals%40contoso.com/mailFolders/inbox/messages";

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .bindAddress("127.0.0.1")).build();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T08:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();

    private GraphMailGateway gateway() {
        URI base = URI.create(graph.baseUrl());
        MailProperties.Graph props = new MailProperties.Graph(TENANT, "client-id", "client-secret",
                "millflow@contoso.com", "approvals@contoso.com", base, base, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMinutes(5));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new GraphMailGateway(props, clock, pauses::add);
    }

    private static void tokenOk(String token) {
        graph.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson("""
                {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": "%s"}"""
                .formatted(token))));
    }

    private static MailMessage mail() {
        return new MailMessage("mail-1", List.of("anna@acme.example"), List.of("buyer@contoso.com"), "buyer@contoso.com",
                "Purchase order PO-1", "text body", "<p>html body</p>",
                List.of(new MailAttachment("PO-1.pdf", "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void sendsWithAClientCredentialsTokenThatIsKeptUntilItExpires() {
        tokenOk("token-1");
        graph.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        GraphMailGateway gateway = gateway();

        gateway.send(mail());
        gateway.send(mail());

        graph.verify(1, postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=client-id"))
                .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 test".getBytes(StandardCharsets.UTF_8));
        graph.verify(2, postRequestedFor(urlEqualTo(SEND))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(matchingJsonPath("$.message.subject", equalTo("Purchase order PO-1")))
                .withRequestBody(matchingJsonPath("$.message.body.contentType", equalTo("HTML")))
                .withRequestBody(matchingJsonPath("$.message.toRecipients[0].emailAddress.address",
                        equalTo("anna@acme.example")))
                .withRequestBody(matchingJsonPath("$.message.ccRecipients[0].emailAddress.address",
                        equalTo("buyer@contoso.com")))
                .withRequestBody(matchingJsonPath("$.message.replyTo[0].emailAddress.address",
                        equalTo("buyer@contoso.com")))
                .withRequestBody(matchingJsonPath("$.message.attachments[0]['@odata.type']",
                        equalTo("#microsoft.graph.fileAttachment")))
                .withRequestBody(matchingJsonPath("$.message.attachments[0].name", equalTo("PO-1.pdf")))
                .withRequestBody(matchingJsonPath("$.message.attachments[0].contentBytes", equalTo(pdf)))
                .withRequestBody(matchingJsonPath("$.saveToSentItems", equalTo("true"))));

        now.set(now.get().plusSeconds(3600));
        gateway.send(mail());
        graph.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void aRefusedClientSecretFailsClearlyAndIsNotAskedAgainDuringThePause() {
        graph.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\\r\\nTrace ID: 0000", "error_codes": [7000215], "timestamp": "2026-11-26 08:00:00Z", "trace_id": "0000", "correlation_id": "1111"}""")));
        GraphMailGateway gateway = gateway();

        MailDeliveryException first = catchThrowableOfType(MailDeliveryException.class, () -> gateway.send(mail()));
        MailDeliveryException second = catchThrowableOfType(MailDeliveryException.class, () -> gateway.send(mail()));

        assertThat(first.getMessage()).contains("invalid_client").contains("AADSTS7000215");
        assertThat(first.gatewayDown()).isTrue();
        assertThat(first.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(second.getMessage()).contains("invalid_client");
        graph.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
        graph.verify(0, postRequestedFor(urlEqualTo(SEND)));

        now.set(now.get().plus(Duration.ofMinutes(6)));
        catchThrowableOfType(MailDeliveryException.class, () -> gateway.send(mail()));
        graph.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void aBadRequestAtTheTokenEndpointIsAClearFailureToo() {
        graph.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "invalid_request", "error_description": "AADSTS90002: Tenant '11111111-2222-3333-4444-555555555555' not found.", "error_codes": [90002]}""")));

        MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> gateway().send(mail()));

        assertThat(e.getMessage()).contains("400").contains("invalid_request").contains("AADSTS90002");
        assertThat(e.gatewayDown()).isTrue();
    }

    @Test
    void throttledSendWaitsAsRetryAfterSaysThenSucceeds() {
        tokenOk("token-1");
        graph.stubFor(post(urlEqualTo(SEND)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Please retry again later.\"}}"))
                .willSetStateTo("ok"));
        graph.stubFor(post(urlEqualTo(SEND)).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202)));

        gateway().send(mail());

        assertThat(pauses).containsExactly(Duration.ofSeconds(2));
        graph.verify(2, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void aRetryAfterLongerThanTheLimitReschedulesTheMailInsteadOfWaiting() {
        tokenOk("token-1");
        graph.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Please retry again later.\"}}")));

        MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> gateway().send(mail()));

        assertThat(pauses).isEmpty();
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e.getMessage()).contains("429").contains("TooManyRequests");
        graph.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPausesThenSucceed() {
        tokenOk("token-1");
        graph.stubFor(post(urlEqualTo(SEND)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\": {\"code\": \"ServiceUnavailable\", "
                        + "\"message\": \"Service Unavailable\"}}")).willSetStateTo("again"));
        graph.stubFor(post(urlEqualTo(SEND)).inScenario("5xx").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"code\": \"InternalServerError\", "
                        + "\"message\": \"boom\"}}")).willSetStateTo("ok"));
        graph.stubFor(post(urlEqualTo(SEND)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202)));

        gateway().send(mail());

        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        graph.verify(3, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void serverErrorsStopAfterTheLastAttemptAsARetryableFailure() {
        tokenOk("token-1");
        graph.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(502)
                .withBody("{\"error\": {\"code\": \"BadGateway\", \"message\": \"bad gateway\"}}")));

        MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> gateway().send(mail()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.gatewayDown()).isFalse();
        assertThat(e.getMessage()).contains("502").contains("BadGateway").contains("3 attempt");
        graph.verify(3, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void aRefusedRecipientIsPermanent() {
        tokenOk("token-1");
        graph.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\": {\"code\": \"ErrorInvalidRecipients\", \"message\": \"At least one recipient is not valid.\"}}")));

        MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> gateway().send(mail()));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("ErrorInvalidRecipients");
    }

    @Test
    void anExpiredTokenIsRenewedOnceOn401() {
        graph.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"access_token\": \"old\"}"))
                .willSetStateTo("second"));
        graph.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"access_token\": \"new\"}")));
        graph.stubFor(post(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": {\"code\": \"InvalidAuthenticationToken\", "
                        + "\"message\": \"Access token has expired or is not yet valid.\"}}")));
        graph.stubFor(post(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(aResponse().withStatus(202)));

        gateway().send(mail());

        graph.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void readsUnreadMessagesOfTheSharedMailboxAsTextAndMarksThemRead() {
        tokenOk("token-1");
        graph.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("$filter", equalTo("isRead eq false"))
                .withHeader("Prefer", equalTo("outlook.body-content-type=\"text\""))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('approvals%40contoso.com')/mailFolders('inbox')/messages",
                         "value": [
                          {"id": "AAMkAGI2TG93AAA=", "receivedDateTime": "2026-11-26T09:10:00Z",
                           "subject": "RE: Approval needed [MF-abc]", "internetMessageId": "<B2@contoso.com>",
                           "body": {"contentType": "text", "content": "APPROVE fine\\r\\n\\r\\nFrom: Millflow"},
                           "from": {"emailAddress": {"name": "Manager", "address": "manager@contoso.com"}}},
                          {"id": "AAMkAGI2TG94AAA=", "receivedDateTime": "2026-11-26T09:00:00Z",
                           "subject": "RE: other", "internetMessageId": "<B1@contoso.com>",
                           "body": {"contentType": "html", "content": "<html><body><p>REJECT</p><p>too &amp; expensive</p></body></html>"},
                           "from": {"emailAddress": {"name": "Other", "address": "other@contoso.com"}}}
                         ]}""")));
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/approvals%40contoso.com/messages/AAMkAGI2TG93AAA%3D"))
                .withRequestBody(equalToJson("{\"isRead\": true}")).willReturn(okJson("{\"id\": \"AAMkAGI2TG93AAA=\", \"isRead\": true}")));
        GraphMailGateway gateway = gateway();

        List<InboundMail> mails = gateway.readUnread(10);

        assertThat(mails).extracting(InboundMail::messageId).containsExactly("<B1@contoso.com>", "<B2@contoso.com>");
        assertThat(mails.get(1).from()).isEqualTo("manager@contoso.com");
        assertThat(mails.get(1).text()).startsWith("APPROVE fine");
        assertThat(mails.get(0).text()).contains("REJECT").contains("too & expensive").doesNotContain("<p>");
        graph.verify(getRequestedFor(urlPathEqualTo(MESSAGES)).withHeader("Authorization", equalTo("Bearer token-1")));

        gateway.markRead(mails.get(1));
        graph.verify(1, patchRequestedFor(urlPathEqualTo("/v1.0/users/approvals%40contoso.com/messages/AAMkAGI2TG93AAA%3D")));
    }
}
