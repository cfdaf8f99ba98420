package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.AppTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser-session areas outside the Vaadin views: Operaton's Cockpit with the Millflow login (ADMIN and
 * PROCESS_OWNER only, no second password) and Swagger UI (ADMIN only).
 */
@AppTest
class CockpitAccessTest {

    @LocalServerPort
    int port;

    private HttpClient signedIn(String username) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("login page carries a CSRF token").isTrue();
        String form = "username=" + username + "&password=millflow&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void processOwnersReachCockpitWithTheirMillflowLogin() throws Exception {
        HttpClient owner = signedIn("owner");
        assertThat(get(owner, "/operaton/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = get(owner, "/operaton/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"owner\"").contains("cockpit");
        HttpResponse<String> definitions = get(owner, "/operaton/api/engine/engine/default/process-definition");
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("purchase-requisition");
    }

    @Test
    void otherRolesAndStrangersAreRefused() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> stranger = anonymous.send(HttpRequest.newBuilder(
                URI.create(base() + "/operaton/app/cockpit/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get(signedIn("employee"), "/operaton/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(get(signedIn("manager"), "/operaton/api/engine/engine/default/process-definition").statusCode())
                .isEqualTo(403);
        assertThat(get(signedIn("admin"), "/operaton/app/cockpit/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void swaggerUiIsForAdminsOnly() throws Exception {
        assertThat(get(signedIn("admin"), "/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(get(signedIn("manager"), "/swagger-ui/index.html").statusCode()).isEqualTo(403);
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> stranger = anonymous.send(HttpRequest.newBuilder(
                URI.create(base() + "/swagger-ui/index.html")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(302);
    }
}
