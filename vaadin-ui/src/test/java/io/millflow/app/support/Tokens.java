package io.millflow.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets real tokens from the embedded authorization server: the demo users through the browser flow
 * (authorization code + PKCE with {@code millflow-cli}, signing in on the login page) and
 * {@code ops-cli} through client credentials.
 */
public final class Tokens {

    public static final String REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private Tokens() {
    }

    public static String user(int port, String username) {
        return CACHE.computeIfAbsent(port + ":" + username, k -> authorizationCode(port, username, "millflow")
                .get("access_token").asText());
    }

    public static String opsCli(int port) {
        return CACHE.computeIfAbsent(port + ":ops-cli", k -> {
            try {
                HttpClient http = HttpClient.newHttpClient();
                String basic = Base64.getEncoder().encodeToString("ops-cli:ops-cli-secret".getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("client_credentials failed: " + r.statusCode() + " " + r.body());
                }
                return Api.json().readTree(r.body()).get("access_token").asText();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The whole browser flow without a browser; returns the token response. */
    public static JsonNode authorizationCode(int port, String username, String password) {
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            Map<String, String> q = new LinkedHashMap<>();
            q.put("response_type", "code");
            q.put("client_id", "millflow-cli");
            q.put("redirect_uri", REDIRECT);
            q.put("scope", "openid");
            q.put("code_challenge", challenge);
            q.put("code_challenge_method", "S256");
            q.put("state", "s" + System.nanoTime());
            String location = get(http, base(port) + "/oauth2/authorize?" + form(q)).headers()
                    .firstValue("Location").orElseThrow();
            HttpResponse<String> login = get(http, absolute(port, location));
            Matcher csrf = CSRF.matcher(login.body());
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("username", username);
            credentials.put("password", password);
            if (csrf.find()) {
                credentials.put("_csrf", csrf.group(1));
            }
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(credentials))).build(),
                    HttpResponse.BodyHandlers.ofString());
            location = posted.headers().firstValue("Location").orElse("");
            for (int i = 0; i < 5 && !location.startsWith(REDIRECT) && !location.contains("/login?error"); i++) {
                location = get(http, absolute(port, location)).headers().firstValue("Location").orElse("");
            }
            if (!location.startsWith(REDIRECT) || !location.contains("code=")) {
                throw new IllegalStateException("Sign-in of " + username + " did not return a code: " + location);
            }
            String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
            Map<String, String> exchange = new LinkedHashMap<>();
            exchange.put("grant_type", "authorization_code");
            exchange.put("code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8));
            exchange.put("redirect_uri", REDIRECT);
            exchange.put("client_id", "millflow-cli");
            exchange.put("code_verifier", verifier);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new IllegalStateException("Token exchange failed: " + token.statusCode() + " " + token.body());
            }
            return Api.json().readTree(token.body());
        } catch (IOException | InterruptedException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT, unverified (for assertions on what the issuer put in). */
    public static JsonNode claims(String jwt) {
        try {
            return Api.json().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String absolute(int port, String location) {
        return location.startsWith("http") ? location : base(port) + location;
    }

    private static String base(int port) {
        return "http://localhost:" + port;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
