package io.millflow.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph for Exchange Online, over plain HTTP ({@link HttpClient}).
 * <ul>
 * <li>Token: OAuth2 client credentials at {@code {authority}/{tenant}/oauth2/v2.0/token} with scope
 * {@code https://graph.microsoft.com/.default}, kept until shortly before {@code expires_in}. A refused token
 * request (400/401, e.g. {@code invalid_client}) fails at once with the error Entra ID gave, and no token is asked
 * for again during {@code token-failure-pause}: a wrong secret does not turn into a storm of requests.</li>
 * <li>Send: {@code POST /v1.0/users/{sender}/sendMail} (202), attachments as {@code fileAttachment} in base64
 * (the whole request must stay under Graph's 4 MB; larger files would need an upload session).</li>
 * <li>Read: {@code GET /v1.0/users/{mailbox}/mailFolders/inbox/messages?$filter=isRead eq false} with bodies as
 * text; mark read with {@code PATCH /v1.0/users/{mailbox}/messages/{id}} {@code {"isRead": true}}.</li>
 * <li>429 and 503 with {@code Retry-After}: waited for inside the call when not longer than
 * {@code max-retry-after}, else the mail is rescheduled by that much; 5xx: retried with doubling pauses, at most
 * {@code max-attempts} in all; a 401 on an API call renews the token once.</li>
 * </ul>
 */
class GraphMailGateway implements MailGateway {

    private static final Logger log = LoggerFactory.getLogger(GraphMailGateway.class);
    /** Graph's limit for a sendMail request with attachments in it. */
    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    /** Pauses between attempts; tests pass one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final MailProperties.Graph props;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Sleeper sleeper;

    private String token;
    private Instant tokenRefreshAt = Instant.MIN;
    private Instant tokenRefusedUntil = Instant.MIN;
    private String tokenRefusal;

    GraphMailGateway(MailProperties.Graph props, Clock clock, Sleeper sleeper) {
        if (blank(props.tenant()) || blank(props.clientId()) || blank(props.clientSecret()) || blank(props.sender())) {
            throw new IllegalStateException("millflow.mail.gateway=graph needs millflow.mail.graph.tenant, client-id, "
                    + "client-secret and sender");
        }
        this.props = props;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(props.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public void send(MailMessage message) {
        byte[] body = sendMailBody(message);
        if (body.length > MAX_REQUEST_BYTES) {
            throw MailDeliveryException.permanent("The mail with its attachments has " + body.length
                    + " bytes; Graph's sendMail takes at most " + MAX_REQUEST_BYTES, null);
        }
        call("sendMail", "POST", "/v1.0/users/" + path(props.sender()) + "/sendMail", body, null);
    }

    @Override
    public List<InboundMail> readUnread(int max) {
        if (blank(props.mailbox())) {
            return List.of();
        }
        String query = "?%24filter=" + URLEncoder.encode("isRead eq false", StandardCharsets.UTF_8).replace("+", "%20")
                + "&%24top=" + Math.max(1, Math.min(max, 100))
                + "&%24select=id,internetMessageId,subject,from,body,receivedDateTime";
        HttpResponse<byte[]> response = call("read messages", "GET",
                "/v1.0/users/" + path(props.mailbox()) + "/mailFolders/inbox/messages" + query, null,
                "outlook.body-content-type=\"text\"");
        List<InboundMail> mails = new ArrayList<>();
        try {
            for (JsonNode m : json.readTree(response.body()).path("value")) {
                String contentType = m.path("body").path("contentType").asText("text");
                String content = m.path("body").path("content").asText("");
                String id = m.path("id").asText();
                String messageId = m.path("internetMessageId").asText(id);
                String received = m.path("receivedDateTime").asText(null);
                mails.add(new InboundMail(id, messageId.isBlank() ? id : messageId,
                        m.path("from").path("emailAddress").path("address").asText(null),
                        m.path("subject").asText(""),
                        "html".equalsIgnoreCase(contentType) ? HtmlText.toText(content) : content,
                        received == null ? null : Instant.parse(received)));
            }
        } catch (IOException | RuntimeException e) {
            throw MailDeliveryException.transientFailure("Graph's message list could not be read: " + e.getMessage(),
                    null, e);
        }
        mails.sort((a, b) -> a.receivedAt() == null || b.receivedAt() == null ? 0
                : a.receivedAt().compareTo(b.receivedAt()));
        return mails;
    }

    @Override
    public void markRead(InboundMail mail) {
        if (blank(props.mailbox())) {
            return;
        }
        call("mark read", "PATCH", "/v1.0/users/" + path(props.mailbox()) + "/messages/" + path(mail.externalId()),
                "{\"isRead\": true}".getBytes(StandardCharsets.UTF_8), null);
    }

    // ---- HTTP with token, retries and error translation

    private HttpResponse<byte[]> call(String operation, String method, String pathAndQuery, byte[] body,
            String prefer) {
        boolean tokenRenewed = false;
        int attempt = 1;
        while (true) {
            String bearer = currentToken();
            HttpResponse<byte[]> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(props.graphUrl()) + pathAndQuery))
                        .timeout(props.readTimeout())
                        .header("Authorization", "Bearer " + bearer)
                        .header("Accept", "application/json");
                if (prefer != null) {
                    request.header("Prefer", prefer);
                }
                if (body != null) {
                    request.header("Content-Type", "application/json");
                    request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt < props.maxAttempts()) {
                    pause(backoff(attempt));
                    attempt++;
                    continue;
                }
                throw MailDeliveryException.gatewayDown("Graph " + operation + " got no answer: " + e.getMessage(),
                        null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MailDeliveryException.transientFailure("Interrupted during Graph " + operation, null, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            String error = graphError(response.body());
            if (status == 401 && !tokenRenewed) {
                tokenRenewed = true;
                forgetToken(bearer);
                continue;
            }
            if (status == 429 || status == 503 || status == 504 || status >= 500) {
                Duration retryAfter = retryAfter(response).orElse(null);
                boolean wait = retryAfter == null || retryAfter.compareTo(props.maxRetryAfter()) <= 0;
                if (attempt < props.maxAttempts() && wait) {
                    pause(retryAfter != null ? retryAfter : backoff(attempt));
                    attempt++;
                    continue;
                }
                String message = "Graph " + operation + " answered " + status + (error.isEmpty() ? "" : ": " + error)
                        + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)")
                        + " after " + attempt + " attempt(s)";
                if (status == 429) {
                    throw MailDeliveryException.gatewayDown(message, retryAfter, null);
                }
                throw MailDeliveryException.transientFailure(message, retryAfter, null);
            }
            if (status == 401 || status == 403) {
                throw MailDeliveryException.gatewayDown("Graph refused " + operation + " (" + status + ")"
                        + (error.isEmpty() ? "" : ": " + error) + " - check the app's permissions Mail.Send / "
                        + "Mail.ReadWrite and the mailbox", null, null);
            }
            throw MailDeliveryException.permanent("Graph refused " + operation + " (" + status + ")"
                    + (error.isEmpty() ? "" : ": " + error), null);
        }
    }

    private synchronized String currentToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenRefreshAt)) {
            return token;
        }
        if (now.isBefore(tokenRefusedUntil)) {
            throw MailDeliveryException.gatewayDown("Graph token refused: " + tokenRefusal + "; no new try before "
                    + tokenRefusedUntil, Duration.between(now, tokenRefusedUntil), null);
        }
        String form = "client_id=" + enc(props.clientId()) + "&scope=" + enc("https://graph.microsoft.com/.default")
                + "&client_secret=" + enc(props.clientSecret()) + "&grant_type=client_credentials";
        URI uri = URI.create(base(props.authorityUrl()) + "/" + path(props.tenant()) + "/oauth2/v2.0/token");
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(props.readTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw MailDeliveryException.gatewayDown("Graph token endpoint not reachable: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MailDeliveryException.transientFailure("Interrupted during the Graph token request", null, e);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status >= 200 && status < 300 && answer != null && !answer.path("access_token").asText("").isEmpty()) {
            long lifetime = answer.path("expires_in").asLong(0);
            long keep = lifetime > 600 ? lifetime - 300 : lifetime / 2;
            token = answer.path("access_token").asText();
            tokenRefreshAt = now.plusSeconds(keep);
            return token;
        }
        String code = answer == null ? "" : answer.path("error").asText("");
        String description = answer == null ? "" : answer.path("error_description").asText("");
        String reason = status + (code.isEmpty() ? "" : " " + code) + (description.isEmpty() ? ""
                : " (" + firstLine(description) + ")");
        if (status >= 500 || status == 429) {
            Duration retryAfter = retryAfter(response).orElse(null);
            throw MailDeliveryException.gatewayDown("Graph token endpoint answered " + reason, retryAfter, null);
        }
        tokenRefusal = reason;
        tokenRefusedUntil = now.plus(props.tokenFailurePause());
        log.warn("Graph refused the client credentials: {}; no new token request before {}", reason,
                tokenRefusedUntil);
        throw MailDeliveryException.gatewayDown("Graph token refused: " + reason + " - check millflow.mail.graph."
                + "tenant, client-id and client-secret", props.tokenFailurePause(), null);
    }

    private synchronized void forgetToken(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private byte[] sendMailBody(MailMessage m) {
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("subject", m.subject());
        ObjectNode body = message.putObject("body");
        body.put("contentType", m.html() != null ? "HTML" : "Text");
        body.put("content", m.html() != null ? m.html() : m.text());
        recipients(message.putArray("toRecipients"), m.to());
        if (!m.cc().isEmpty()) {
            recipients(message.putArray("ccRecipients"), m.cc());
        }
        if (m.replyTo() != null) {
            recipients(message.putArray("replyTo"), List.of(m.replyTo()));
        }
        if (!m.attachments().isEmpty()) {
            ArrayNode attachments = message.putArray("attachments");
            for (MailAttachment a : m.attachments()) {
                ObjectNode node = attachments.addObject();
                node.put("@odata.type", "#microsoft.graph.fileAttachment");
                node.put("name", a.fileName());
                node.put("contentType", a.contentType());
                node.put("contentBytes", Base64.getEncoder().encodeToString(a.content()));
            }
        }
        if (m.id() != null) {
            ArrayNode headers = message.putArray("internetMessageHeaders");
            ObjectNode header = headers.addObject();
            header.put("name", "X-Millflow-Mail-Id");
            header.put("value", m.id());
        }
        root.put("saveToSentItems", true);
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw MailDeliveryException.permanent("The mail could not be written as JSON", e);
        }
    }

    private static void recipients(ArrayNode array, List<String> addresses) {
        for (String address : addresses) {
            array.addObject().putObject("emailAddress").put("address", address);
        }
    }

    private Duration backoff(int attempt) {
        return props.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MailDeliveryException.transientFailure("Interrupted while waiting to retry Graph", duration, e);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (java.time.format.DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    private String graphError(byte[] body) {
        JsonNode node = parse(body);
        if (node == null) {
            return "";
        }
        JsonNode error = node.path("error");
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        return (code + (message.isEmpty() ? "" : " " + firstLine(message))).trim();
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).trim();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
