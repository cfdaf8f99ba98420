package io.millflow.app.security;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Demo OAuth clients, only with no profile or {@code dev}: {@code ops-cli} (client credentials, ADMIN)
 * and {@code millflow-cli} (public, authorization code + PKCE + refresh token, no consent screen).
 */
@Component
@Profile({"default", "dev"})
class DemoClients implements ApplicationRunner {

    static final String OPS_CLI = "ops-cli";
    static final String OPS_CLI_SECRET = "ops-cli-secret";
    static final String CLI = "millflow-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final ObjectProvider<RegisteredClientRepository> repository;
    private final PasswordEncoder passwordEncoder;

    DemoClients(ObjectProvider<RegisteredClientRepository> repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        RegisteredClientRepository clients = repository.getIfAvailable();
        if (clients == null) {
            return; // an external issuer is configured: it owns the clients
        }
        if (clients.findByClientId(OPS_CLI) == null) {
            clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(OPS_CLI)
                    .clientName("Operations CLI (demo)")
                    .clientSecret(passwordEncoder.encode(OPS_CLI_SECRET))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("api")
                    .clientSettings(ClientSettings.builder()
                            .setting(EmbeddedAuthorizationServerConfiguration.CLIENT_ROLES_SETTING, "ADMIN").build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build())
                    .build());
            log.info("Demo client {} registered", OPS_CLI);
        }
        if (clients.findByClientId(CLI) == null) {
            clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLI)
                    .clientName("Millflow CLI (demo)")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(CLI_REDIRECT)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope("api")
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30))
                            .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                    .build());
            log.info("Demo client {} registered", CLI);
        }
    }
}
