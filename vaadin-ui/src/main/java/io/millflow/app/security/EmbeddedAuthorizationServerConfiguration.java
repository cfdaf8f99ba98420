package io.millflow.app.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded OIDC issuer (Spring Authorization Server), active unless {@code millflow.security.issuer-uri}
 * names an external one. Clients, authorizations, consents and the signing key live in the database.
 * Tokens carry {@code roles} (array) and {@code preferred_username}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${millflow.security.issuer-uri:}'.isEmpty()")
class EmbeddedAuthorizationServerConfiguration {

    /** Client setting (comma-separated) with the roles a client acting for itself (client_credentials) has. */
    static final String CLIENT_ROLES_SETTING = "millflow.roles";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients)
            throws Exception {
        OAuth2AuthorizationServerConfigurer as = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(as.getEndpointsMatcher())
                .with(as, server -> server
                        .oidc(Customizer.withDefaults())
                        .clientAuthentication(client -> client
                                .authenticationConverters(list -> list.add(0, PublicClientRefresh.converter()))
                                .authenticationProviders(list -> list.add(0, PublicClientRefresh.provider(clients)))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(as.getEndpointsMatcher()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${millflow.security.embedded-issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService oauth2AuthorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService oauth2AuthorizationConsentService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new SigningKeys(jdbc, tx);
    }

    /** Access and ID tokens as JWTs with our claims; refresh tokens also for the public CLI client. */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> jwkSource,
            OAuth2TokenCustomizer<JwtEncodingContext> roleClaims) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwt.setJwtCustomizer(roleClaims);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(),
                PublicClientRefresh.refreshTokenGenerator());
    }

    /** Puts {@code roles} and {@code preferred_username} into access and ID tokens. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> roleClaims() {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            List<String> roles;
            String username;
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                RegisteredClient client = context.getRegisteredClient();
                Object configured = client.getClientSettings().getSetting(CLIENT_ROLES_SETTING);
                roles = configured instanceof String csv && !csv.isBlank()
                        ? RoleClaims.roleNames(java.util.Arrays.stream(csv.split(","))
                                .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                        "ROLE_" + r.trim())).toList())
                        : List.of();
                username = client.getClientId();
            } else {
                roles = RoleClaims.roleNames(context.getPrincipal().getAuthorities());
                username = context.getPrincipal().getName();
            }
            // an ArrayList: the stored authorization is read back by Jackson with an allowlist of types
            context.getClaims().claim(RoleClaims.ROLES_CLAIM, new java.util.ArrayList<>(roles));
            context.getClaims().claim(RoleClaims.USERNAME_CLAIM, username);
        };
    }
}
