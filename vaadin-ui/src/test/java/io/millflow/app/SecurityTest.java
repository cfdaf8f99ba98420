package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may call what: tokens, roles, the engine's REST API, Actuator, OpenAPI. */
@AppTest
class SecurityTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theIssuerPublishesItsConfigurationAndTokensCarryRolesAndUsername() {
        Api.Response config = api.get("/.well-known/openid-configuration", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text("issuer")).isEqualTo("http://localhost:" + port);
        assertThat(config.text("token_endpoint")).endsWith("/oauth2/token");

        JsonNode tokens = Tokens.authorizationCode(port, "head", "millflow");
        JsonNode claims = Tokens.claims(tokens.get("access_token").asText());
        assertThat(claims.get("preferred_username").asText()).isEqualTo("head");
        assertThat(claims.get("roles")).extracting(JsonNode::asText).containsExactly("DEPARTMENT_HEAD");
        assertThat(tokens.has("id_token")).isTrue();

        JsonNode ops = Tokens.claims(Tokens.opsCli(port));
        assertThat(ops.get("roles")).extracting(JsonNode::asText).containsExactly("ADMIN");
        assertThat(ops.get("preferred_username").asText()).isEqualTo("ops-cli");
    }

    @Test
    void theCliRefreshesItsTokensAndAUsedRefreshTokenIsVoid() throws Exception {
        JsonNode tokens = Tokens.authorizationCode(port, "manager", "millflow");
        assertThat(tokens.hasNonNull("refresh_token")).as("public client gets a refresh token").isTrue();
        String refresh = tokens.get("refresh_token").asText();

        java.net.http.HttpResponse<String> renewed = refresh(refresh);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        JsonNode body = io.millflow.app.support.Api.json().readTree(renewed.body());
        assertThat(Tokens.claims(body.get("access_token").asText()).get("preferred_username").asText())
                .isEqualTo("manager");
        assertThat(api.get("/api/v1/tasks", body.get("access_token").asText()).status()).isEqualTo(200);
        assertThat(body.get("refresh_token").asText()).isNotEqualTo(refresh);

        assertThat(refresh(refresh).statusCode()).as("a used refresh token is void").isEqualTo(400);
    }

    private java.net.http.HttpResponse<String> refresh(String refreshToken) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=millflow-cli"
                        + "&refresh_token=" + java.net.URLEncoder.encode(refreshToken, java.nio.charset.StandardCharsets.UTF_8)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongPasswordGivesNoToken() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tokens.authorizationCode(port, "manager", "wrong"))
                .hasMessageContaining("did not return a code");
    }

    @Test
    void apiNeedsABearerToken() {
        Api.Response r = api.get("/api/v1/tasks", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(api.get("/api/v1/tasks", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void engineRestIsForAdminTokensOnly() {
        assertThat(api.get("/engine-rest/engine", null).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/engine", Tokens.user(port, "employee")).status()).isEqualTo(403);
        Api.Response definitions = api.get("/engine-rest/process-definition?key=purchase-requisition",
                Tokens.opsCli(port));
        assertThat(definitions.status()).isEqualTo(200);
        assertThat(definitions.body().get(0).get("key").asText()).isEqualTo("purchase-requisition");
    }

    @Test
    void healthIsPublicTheRestOfActuatorIsForAdmins() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics", Tokens.user(port, "manager")).status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", Tokens.opsCli(port)).status()).isEqualTo(200);
    }

    @Test
    void openApiDescribesTheApi() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("openapi").asText()).startsWith("3.");
        assertThat(docs.body().get("paths").has("/api/v1/purchase-requisitions")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/tasks/{id}/complete")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/audit")).isTrue();
        for (String path : java.util.List.of("/api/v1/items", "/api/v1/units", "/api/v1/sites", "/api/v1/warehouses",
                "/api/v1/locations", "/api/v1/lots", "/api/v1/stock", "/api/v1/stock-documents",
                "/api/v1/stock-documents/{id}/reversal", "/api/v1/stock-moves", "/api/v1/reservations",
                "/api/v1/transfers", "/api/v1/cycle-counts", "/api/v1/stock/integrity")) {
            assertThat(docs.body().get("paths").has(path)).as(path).isTrue();
        }
    }
}
