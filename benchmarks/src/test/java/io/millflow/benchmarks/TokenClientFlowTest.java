package io.millflow.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link TokenClient} against a small stand-in for the app's authorization server on
 * 127.0.0.1 (random port): authorize -> /login -> form POST (+ CSRF) -> authorize -> callback,
 * then the token exchange, which checks the PKCE verifier against the challenge.
 */
class TokenClientFlowTest {

  private static final String CSRF = "masked-csrf-token";

  private HttpServer server;
  private String baseUrl;
  private volatile boolean requireCsrf;
  private volatile boolean issueRefreshToken = true;
  private final Map<String, String> authenticatedSessions = new ConcurrentHashMap<>();
  private final Map<String, String> challengeByCode = new ConcurrentHashMap<>();
  private final Map<String, String> savedRequests = new ConcurrentHashMap<>();
  private int sessions;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oauth2/authorize", this::authorize);
    server.createContext("/login", this::login);
    server.createContext("/oauth2/token", this::token);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void logsInWithoutCsrf() {
    TokenClient.Tokens tokens = new TokenClient(baseUrl).login("manager", "millflow");
    assertEquals("access-for-manager", tokens.accessToken());
    assertEquals("refresh-for-manager", tokens.refreshToken());
    assertTrue(tokens.expiresAt().isAfter(Instant.now().plusSeconds(250)));
  }

  @Test
  void worksWithLocalhostAsHostName() {
    // The default base URL says "localhost": the JDK cookie jar must still send JSESSIONID back.
    String viaLocalhost = baseUrl.replace("127.0.0.1", "localhost");
    assertEquals("access-for-employee", new TokenClient(viaLocalhost).login("employee", "millflow").accessToken());
  }

  @Test
  void sendsCsrfTokenFromLoginPage() {
    requireCsrf = true;
    assertEquals("access-for-head", new TokenClient(baseUrl + "/").login("head", "millflow").accessToken());
  }

  @Test
  void badPasswordIsReported() {
    TokenClient.TokenException e = assertThrows(TokenClient.TokenException.class,
        () -> new TokenClient(baseUrl).login("finance", "wrong"));
    assertTrue(e.getMessage().contains("rejected"), e.getMessage());
  }

  @Test
  void refreshKeepsRefreshTokenWhenNoneIsRotatedIn() {
    TokenClient client = new TokenClient(baseUrl);
    TokenClient.Tokens first = client.login("employee", "millflow");
    issueRefreshToken = false;
    TokenClient.Tokens refreshed = client.refresh(first.refreshToken());
    assertEquals("access-for-employee-refreshed", refreshed.accessToken());
    assertNull(TokenClient.parseTokenResponse("{\"access_token\":\"a\",\"expires_in\":1}", Instant.now(), null)
        .refreshToken());
  }

  @Test
  void csrfFromMetaTagWithCustomParameterName() {
    String html = "<html><head><meta name=\"_csrf_parameter\" content=\"_token\">"
        + "<meta name=\"_csrf\" content=\"abc&amp;def\"/></head></html>";
    Optional<TokenClient.Csrf> csrf = TokenClient.findCsrf(html, null);
    assertEquals(new TokenClient.Csrf("_token", "abc&def", false), csrf.orElseThrow());
    assertTrue(TokenClient.findCsrf("<html></html>", null).isEmpty());
  }

  // ---------------------------------------------------------------------------------------------
  // The stand-in server

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = TokenClient.parseQuery(exchange.getRequestURI().getRawQuery());
    String session = sessionOf(exchange);
    if (session == null || !authenticatedSessions.containsKey(session)) {
      String newSession = "s" + (++sessions);
      exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + newSession + "; Path=/; HttpOnly");
      // remember the request like Spring Security's saved request
      savedRequests.put(newSession, exchange.getRequestURI().toString());
      redirect(exchange, "/login");
      return;
    }
    if (!"S256".equals(query.get("code_challenge_method")) || !TokenClient.REDIRECT_URI.equals(query.get("redirect_uri"))) {
      send(exchange, 400, "bad authorize request");
      return;
    }
    String code = "code-" + authenticatedSessions.get(session);
    challengeByCode.put(code, query.get("code_challenge"));
    redirect(exchange, TokenClient.REDIRECT_URI + "?code=" + code + "&state=" + query.get("state"));
  }

  private void login(HttpExchange exchange) throws IOException {
    String session = sessionOf(exchange);
    if ("GET".equals(exchange.getRequestMethod())) {
      String meta = requireCsrf ? "<meta name=\"_csrf\" content=\"" + CSRF + "\"/>" : "";
      send(exchange, 200, "<!doctype html><html><head>" + meta + "</head><body>vaadin</body></html>");
      return;
    }
    Map<String, String> form = TokenClient.parseQuery(
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (session == null || (requireCsrf && !CSRF.equals(form.get("_csrf")))) {
      send(exchange, 403, "forbidden");
      return;
    }
    if (!"millflow".equals(form.get("password"))) {
      redirect(exchange, "/login?error");
      return;
    }
    // session fixation protection: a new session id after login
    String newSession = session + "-auth";
    authenticatedSessions.put(newSession, form.get("username"));
    exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + newSession + "; Path=/; HttpOnly");
    String saved = savedRequests.get(session);
    // absolute, built from the Host header, as Spring Security does
    String origin = "http://" + exchange.getRequestHeaders().getFirst("Host");
    redirect(exchange, origin + (saved == null ? "/" : saved + "&continue"));
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = TokenClient.parseQuery(
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!TokenClient.CLIENT_ID.equals(form.get("client_id"))) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String user;
    String suffix = "";
    if ("refresh_token".equals(form.get("grant_type"))) {
      user = form.get("refresh_token").substring("refresh-for-".length());
      suffix = "-refreshed";
    } else {
      String challenge = challengeByCode.remove(form.get("code"));
      if (challenge == null || !challenge.equals(TokenClient.codeChallenge(form.get("code_verifier")))
          || !TokenClient.REDIRECT_URI.equals(form.get("redirect_uri"))) {
        send(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      user = form.get("code").substring("code-".length());
    }
    String refresh = issueRefreshToken ? ",\"refresh_token\":\"refresh-for-" + user + "\"" : "";
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    send(exchange, 200, "{\"access_token\":\"access-for-" + user + suffix + "\"" + refresh
        + ",\"token_type\":\"Bearer\",\"scope\":\"openid\",\"expires_in\":299}");
  }

  private static String sessionOf(HttpExchange exchange) {
    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
    if (cookie == null) {
      return null;
    }
    for (String part : cookie.split(";")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("JSESSIONID")) {
        return kv[1];
      }
    }
    return null;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
