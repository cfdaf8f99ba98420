package io.millflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets access tokens from Millflow's embedded authorization server the way the {@code millflow-cli}
 * public client does: authorization code with PKCE (S256), logging in through the form login.
 *
 * <p>Redirects are followed by hand, and only within the origin of the base URL: the final
 * redirect to {@link #REDIRECT_URI} is never followed (nothing listens there); the code is read
 * from its {@code Location} header. Each {@link #login} uses a fresh cookie jar, so logins of
 * different users never share a session.
 */
public final class TokenClient {

  public static final String CLIENT_ID = "millflow-cli";
  public static final String REDIRECT_URI = "http://127.0.0.1:8765/callback";
  public static final String SCOPE = "openid";

  /** Redirect hops followed per leg (authorize, login) before giving up. */
  private static final int MAX_REDIRECTS = 10;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private static final Pattern META_CSRF =
      Pattern.compile("<meta\\s+[^>]*name=[\"']_csrf[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CSRF_PARAMETER =
      Pattern.compile("<meta\\s+[^>]*name=[\"']_csrf_parameter[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT_CSRF =
      Pattern.compile("<input\\s+[^>]*name=[\"']_csrf[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTENT_ATTR =
      Pattern.compile("\\scontent=[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
  private static final Pattern VALUE_ATTR =
      Pattern.compile("\\svalue=[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

  private final URI baseUri;
  private final Duration timeout;

  /** Tokens from one token response; {@code refreshToken} is null when the server issued none. */
  public record Tokens(String accessToken, String refreshToken, Instant expiresAt) {

    public Tokens {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Lifetime left at {@code now}; negative once expired. */
    public Duration remaining(Instant now) {
      return Duration.between(now, expiresAt);
    }
  }

  /** Any failure to get a token: the message says which step and what the server answered. */
  public static final class TokenException extends RuntimeException {
    public TokenException(String message) {
      super(message);
    }

    public TokenException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public TokenClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(30));
  }

  public TokenClient(String baseUrl, Duration timeout) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.baseUri = URI.create(trimmed);
    if (baseUri.getScheme() == null || baseUri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be absolute, e.g. http://localhost:8080: " + baseUrl);
    }
    this.timeout = timeout;
  }

  // ---------------------------------------------------------------------------------------------
  // PKCE (RFC 7636)

  /** A fresh code_verifier: 32 random bytes, base64url without padding (43 characters). */
  public static String newCodeVerifier() {
    return randomToken(32);
  }

  /** code_challenge for method S256: BASE64URL(SHA-256(ASCII(code_verifier))), no padding. */
  public static String codeChallenge(String codeVerifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 not available", e);
    }
  }

  static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return BASE64URL.encodeToString(buffer);
  }

  // ---------------------------------------------------------------------------------------------
  // Grants

  /** Logs {@code username} in and exchanges the authorization code for tokens. */
  public Tokens login(String username, String password) {
    try {
      return doLogin(username, password);
    } catch (ConnectException e) {
      throw new TokenException("cannot connect to " + baseUri + " (is the app running?)", e);
    } catch (IOException e) {
      throw new TokenException("login of '" + username + "' against " + baseUri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("interrupted during login of '" + username + "'", e);
    }
  }

  /** refresh_token grant (public client: client_id, no secret). */
  public Tokens refresh(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", CLIENT_ID);
    try {
      return tokenRequest(newHttpClient(new CookieManager(null, CookiePolicy.ACCEPT_ALL)), form, refreshToken);
    } catch (IOException e) {
      throw new TokenException("refresh against " + baseUri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("interrupted during refresh", e);
    }
  }

  private Tokens doLogin(String username, String password) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient client = newHttpClient(cookies);

    String verifier = newCodeVerifier();
    String state = randomToken(16);
    URI authorize = resolve("/oauth2/authorize?" + formEncode(authorizeParameters(verifier, state)));

    // 1. /oauth2/authorize -> 302 /login (sets JSESSIONID) -> the login page
    Hop hop = follow(client, get(authorize), "authorize");
    if (hop.callback() != null) {
      // Session already authenticated (cannot happen with a fresh cookie jar, but harmless).
      return exchange(client, codeFrom(hop.callback(), state), verifier);
    }
    if (hop.response().statusCode() != 200) {
      throw new TokenException("expected the login page after /oauth2/authorize, got "
          + describe(hop.response()));
    }
    String loginPage = hop.response().body();

    // 2. POST the credentials to /login, with the CSRF token if the app uses one
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", password);
    HttpRequest.Builder post = HttpRequest.newBuilder(resolve("/login"))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html,application/xhtml+xml,*/*");
    Optional<Csrf> csrf = findCsrf(loginPage, cookies);
    csrf.ifPresent(token -> {
      form.put(token.parameterName(), token.value());
      if (token.fromCookie()) {
        post.header("X-XSRF-TOKEN", token.value());
      }
    });
    HttpResponse<String> loginResponse = client.send(
        post.POST(HttpRequest.BodyPublishers.ofString(formEncode(form))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (!isRedirect(loginResponse.statusCode())) {
      throw new TokenException("login of '" + username + "' was not accepted"
          + (csrf.isPresent() ? "" : " (no CSRF token found on the login page)") + ": " + describe(loginResponse));
    }
    URI afterLogin = location(loginResponse);
    if (afterLogin.getPath() != null && afterLogin.getPath().endsWith("/login")
        && afterLogin.getQuery() != null && afterLogin.getQuery().contains("error")) {
      throw new TokenException("login of '" + username + "' was rejected (bad credentials?): redirected to "
          + afterLogin);
    }

    // 3. the saved request: -> /oauth2/authorize?... -> 302 to the redirect URI with ?code=
    hop = isCallback(afterLogin) ? new Hop(null, afterLogin) : follow(client, get(afterLogin), "after login");
    if (hop.callback() == null) {
      // No saved request (the app sent us to "/" or similar): ask again with the now authenticated session.
      hop = follow(client, get(authorize), "authorize after login");
    }
    if (hop.callback() == null) {
      throw new TokenException("no redirect to " + REDIRECT_URI + " after logging in '" + username
          + "' (consent screen or error page?): " + describe(hop.response()));
    }
    return exchange(client, codeFrom(hop.callback(), state), verifier);
  }

  private Map<String, String> authorizeParameters(String verifier, String state) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", CLIENT_ID);
    parameters.put("redirect_uri", REDIRECT_URI);
    parameters.put("scope", SCOPE);
    parameters.put("code_challenge", codeChallenge(verifier));
    parameters.put("code_challenge_method", "S256");
    parameters.put("state", state);
    return parameters;
  }

  private Tokens exchange(HttpClient client, String code, String verifier) throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", REDIRECT_URI);
    form.put("client_id", CLIENT_ID);
    form.put("code_verifier", verifier);
    return tokenRequest(client, form, null);
  }

  private Tokens tokenRequest(HttpClient client, Map<String, String> form, String previousRefreshToken)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(resolve("/oauth2/token"))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
        .build();
    Instant sent = Instant.now();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new TokenException("token request (" + form.get("grant_type") + ") failed: " + describe(response));
    }
    return parseTokenResponse(response.body(), sent, previousRefreshToken);
  }

  /** Parses a token endpoint response; keeps {@code previousRefreshToken} when none is rotated in. */
  static Tokens parseTokenResponse(String body, Instant sent, String previousRefreshToken) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new TokenException("token response is not JSON: " + abbreviate(body), e);
    }
    String accessToken = text(json, "access_token");
    if (accessToken == null) {
      throw new TokenException("token response has no access_token: " + abbreviate(body));
    }
    String refreshToken = Optional.ofNullable(text(json, "refresh_token")).orElse(previousRefreshToken);
    long expiresIn = json.path("expires_in").asLong(300);
    return new Tokens(accessToken, refreshToken, sent.plusSeconds(expiresIn));
  }

  // ---------------------------------------------------------------------------------------------
  // Redirects

  /** Where a chain of redirects ended: a non-redirect response, or the (unfollowed) callback URI. */
  private record Hop(HttpResponse<String> response, URI callback) {}

  private Hop follow(HttpClient client, HttpRequest first, String leg) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(first, HttpResponse.BodyHandlers.ofString());
    for (int hops = 0; isRedirect(response.statusCode()); hops++) {
      if (hops >= MAX_REDIRECTS) {
        throw new TokenException("too many redirects (" + leg + "), last: " + describe(response));
      }
      URI next = location(response);
      if (isCallback(next)) {
        return new Hop(response, next);
      }
      response = client.send(get(next), HttpResponse.BodyHandlers.ofString());
    }
    return new Hop(response, null);
  }

  /** The Location header, resolved against the request, and only within the base URL's origin. */
  private URI location(HttpResponse<String> response) {
    String header = response.headers().firstValue("Location")
        .orElseThrow(() -> new TokenException("redirect without Location: " + describe(response)));
    URI next = response.request().uri().resolve(header.trim());
    if (isCallback(next)) {
      return next;
    }
    if (!sameOrigin(next)) {
      throw new TokenException("refusing to follow a redirect off " + baseUri + ": " + next);
    }
    return next;
  }

  static boolean isCallback(URI uri) {
    String s = uri.toString();
    return s.equals(REDIRECT_URI) || s.startsWith(REDIRECT_URI + "?") || s.startsWith(REDIRECT_URI + "#");
  }

  private boolean sameOrigin(URI uri) {
    return baseUri.getScheme().equalsIgnoreCase(uri.getScheme())
        && baseUri.getHost().equalsIgnoreCase(uri.getHost())
        && port(baseUri) == port(uri);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The {@code code} from the callback URI, after checking {@code state} and {@code error}. */
  static String codeFrom(URI callback, String expectedState) {
    Map<String, String> query = parseQuery(callback.getRawQuery());
    if (query.containsKey("error")) {
      throw new TokenException("authorization failed: error=" + query.get("error")
          + Optional.ofNullable(query.get("error_description")).map(d -> " (" + d + ")").orElse(""));
    }
    if (expectedState != null && !expectedState.equals(query.get("state"))) {
      throw new TokenException("state mismatch in " + callback);
    }
    String code = query.get("code");
    if (code == null || code.isEmpty()) {
      throw new TokenException("no code in " + callback);
    }
    return code;
  }

  // ---------------------------------------------------------------------------------------------
  // CSRF

  /** A CSRF token for the login form; {@code fromCookie} when it came from the XSRF-TOKEN cookie. */
  record Csrf(String parameterName, String value, boolean fromCookie) {}

  /**
   * The CSRF token for the login POST, if the app uses one: a hidden {@code _csrf} input or a
   * {@code <meta name="_csrf">} tag in the login page (preferred: that is what a browser form
   * sends), otherwise the {@code XSRF-TOKEN} cookie.
   */
  static Optional<Csrf> findCsrf(String html, CookieManager cookies) {
    String parameterName = "_csrf";
    if (html != null) {
      Optional<String> nameOverride = attribute(META_CSRF_PARAMETER, CONTENT_ATTR, html);
      if (nameOverride.isPresent() && !nameOverride.get().isBlank()) {
        parameterName = nameOverride.get();
      }
      Optional<String> value = attribute(INPUT_CSRF, VALUE_ATTR, html)
          .or(() -> attribute(META_CSRF, CONTENT_ATTR, html));
      if (value.isPresent() && !value.get().isBlank()) {
        return Optional.of(new Csrf(parameterName, htmlUnescape(value.get()), false));
      }
    }
    if (cookies != null) {
      for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
        if ("XSRF-TOKEN".equals(cookie.getName()) && !cookie.getValue().isBlank()) {
          return Optional.of(new Csrf(parameterName, cookie.getValue(), true));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> attribute(Pattern tag, Pattern attribute, String html) {
    Matcher tagMatcher = tag.matcher(html);
    if (!tagMatcher.find()) {
      return Optional.empty();
    }
    Matcher valueMatcher = attribute.matcher(tagMatcher.group());
    return valueMatcher.find() ? Optional.of(valueMatcher.group(1)) : Optional.empty();
  }

  private static String htmlUnescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private HttpClient newHttpClient(CookieManager cookies) {
    return HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  private HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Accept", "text/html,application/xhtml+xml,*/*")
        .GET()
        .build();
  }

  private URI resolve(String pathAndQuery) {
    return URI.create(baseUri + pathAndQuery);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static String formEncode(Map<String, String> parameters) {
    StringBuilder out = new StringBuilder();
    parameters.forEach((name, value) -> {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    });
    return out.toString();
  }

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String describe(HttpResponse<String> response) {
    if (response == null) {
      return "no response";
    }
    return response.request().method() + " " + response.request().uri() + " -> " + response.statusCode()
        + response.headers().firstValue("Location").map(l -> " Location: " + l).orElse("")
        + " " + abbreviate(response.body());
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
