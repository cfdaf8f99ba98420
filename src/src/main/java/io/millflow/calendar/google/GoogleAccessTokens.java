package io.millflow.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.calendar.CalendarException;
import io.millflow.calendar.GoogleCalendarProperties;
import io.millflow.calendar.GoogleCalendarProperties.Auth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OAuth2 access tokens for the Calendar API, cached until a minute before they expire. Two grants:
 * <ul>
 * <li>service account: a JWT ({@code iss} = the account's e-mail, {@code sub} = the delegated Workspace user,
 * {@code scope}, {@code aud} = token URI, one hour) signed RS256 with the account's private key, sent as
 * {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer};</li>
 * <li>refresh token: {@code grant_type=refresh_token} with the client's id and secret.</li>
 * </ul>
 * A refused grant (400/401, e.g. {@code invalid_grant}) is {@link CalendarException.Unauthorized}; 429 and 5xx are
 * retried by {@link HttpRetry}.
 */
public final class GoogleAccessTokens {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GoogleCalendarProperties settings;
    private final HttpRetry http;
    private final Clock clock;
    private final ServiceAccount account;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    /** The parts of a service-account key file that are used. */
    record ServiceAccount(String clientEmail, PrivateKey privateKey) {
    }

    GoogleAccessTokens(GoogleCalendarProperties settings, HttpRetry http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.account = settings.auth() == Auth.SERVICE_ACCOUNT ? readKeyFile(settings) : null;
    }

    /** A valid access token, fetched when none is cached or the cached one expires within a minute. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(expiresAt.minus(Duration.ofMinutes(1)))) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token (after a 401 from the API). */
    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        if (account != null) {
            form.put("grant_type", JWT_BEARER);
            form.put("assertion", assertion());
        } else {
            form.put("grant_type", "refresh_token");
            form.put("client_id", settings.clientId());
            form.put("client_secret", settings.clientSecret());
            form.put("refresh_token", settings.refreshToken());
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send("Google token", () -> HttpRequest.newBuilder(settings.tokenUri())
                .timeout(settings.requestTimeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new CalendarException.Unauthorized("Google refused the " + (account != null ? "service account"
                    : "refresh token") + " grant: HTTP " + response.statusCode() + " "
                    + GoogleErrors.message(response.body()), response.statusCode());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            String accessToken = json.path("access_token").asText(null);
            if (accessToken == null || accessToken.isBlank()) {
                throw new CalendarException.Unauthorized("Google's token answer has no access_token", 200);
            }
            token = accessToken;
            expiresAt = clock.instant().plusSeconds(json.path("expires_in").asLong(3600));
        } catch (IOException e) {
            throw new CalendarException("Google's token answer is no JSON: " + e.getMessage(), 200, null, e);
        }
    }

    /** The signed JWT of the service-account grant. */
    String assertion() {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.clientEmail());
        if (settings.delegatedUser() != null) {
            claims.put("sub", settings.delegatedUser());
        }
        claims.put("scope", settings.scope());
        claims.put("aud", settings.tokenUri().toString());
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(account.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the service-account assertion", e);
        }
    }

    static ServiceAccount readKeyFile(GoogleCalendarProperties settings) {
        if (settings.serviceAccountKeyFile() == null) {
            throw new IllegalStateException("millflow.calendar.google.service-account-key-file is required");
        }
        try {
            JsonNode key = JSON.readTree(Files.readString(settings.serviceAccountKeyFile()));
            String email = key.path("client_email").asText(null);
            String pem = key.path("private_key").asText(null);
            if (email == null || pem == null) {
                throw new IllegalStateException("The service-account key file has no client_email or private_key");
            }
            return new ServiceAccount(email, privateKey(pem));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the service-account key file "
                    + settings.serviceAccountKeyFile() + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The service account's private_key is no PKCS#8 RSA key", e);
        }
    }

    URI tokenUri() {
        return settings.tokenUri();
    }
}
