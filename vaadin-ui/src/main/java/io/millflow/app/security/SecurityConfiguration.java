package io.millflow.app.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import io.millflow.processes.Roles;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. Chains, in order: the embedded authorization server (see
 * {@link EmbeddedAuthorizationServerConfiguration}); bearer tokens for {@code /api/**} (but the carriers' signed
 * webhooks {@code POST /api/v1/carriers/*\/webhook}),
 * {@code /engine-rest/**} (ADMIN) and {@code /actuator/**} (health public, the rest ADMIN);
 * the Operaton webapps {@code /operaton/**} (ADMIN, PROCESS_OWNER, with the browser session); and the
 * Vaadin UI with its login page. Services check roles again ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/api/**"),
                        withDefaults().matcher("/engine-rest/**"), withDefaults().matcher("/actuator/**"),
                        withDefaults().matcher("/v3/api-docs/**"), withDefaults().matcher("/v3/api-docs")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/actuator/health"),
                                withDefaults().matcher("/actuator/health/**"), withDefaults().matcher("/v3/api-docs"),
                                withDefaults().matcher("/v3/api-docs/**")).permitAll()
                        // carriers call their webhooks without a token; the HMAC signature proves the caller
                        .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/api/v1/carriers/*/webhook"))
                        .permitAll()
                        .requestMatchers(withDefaults().matcher("/actuator/**")).hasRole(Roles.ADMIN)
                        .requestMatchers(withDefaults().matcher("/engine-rest/**")).hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::toAuthentication))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatonWebappChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/operaton/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Roles.ADMIN, Roles.PROCESS_OWNER))
                // the Operaton webapps protect themselves with their own CSRF filter
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    /**
     * iCalendar feeds ({@code /ical/<token>.ics}, ADR 0027): calendar clients send no session or bearer token; the
     * unguessable token in the path is the credential, checked by the controller. GET only, stateless, no CSRF (no
     * state changes here), no login redirect.
     */
    @Bean
    @Order(4)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/ical/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/ical/*")).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /** JWT → authentication named by {@code preferred_username} (else {@code sub}) with the roles of {@code roles}. */
    static AbstractAuthenticationToken toAuthentication(Jwt jwt) {
        List<GrantedAuthority> authorities = RoleClaims.authorities(jwt.getClaim(RoleClaims.ROLES_CLAIM));
        String name = jwt.getClaimAsString(RoleClaims.USERNAME_CLAIM);
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }

    /** The browser UI: Vaadin views, the login page ({@link LoginPage}), PWA resources, Swagger UI (ADMIN). */
    @Configuration(proxyBeanMethods = false)
    static class VaadinSecurity extends VaadinWebSecurity {

        private final String externalIssuer;

        VaadinSecurity(@Value("${millflow.security.issuer-uri:}") String externalIssuer) {
            this.externalIssuer = externalIssuer;
        }

        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth
                    .requestMatchers(withDefaults().matcher("/icons/**"), withDefaults().matcher("/images/**"),
                            withDefaults().matcher("/error")).permitAll()
                    .requestMatchers(withDefaults().matcher("/swagger-ui/**"), withDefaults().matcher("/swagger-ui.html"))
                    .hasRole(Roles.ADMIN));
            super.configure(http);
            if (externalIssuer.isBlank()) {
                setLoginView(http, "/login", "/login?logout");
            } else {
                http.oauth2Login(login -> login.userInfoEndpoint(u -> u.userAuthoritiesMapper(oidcRoles())));
                setOAuth2LoginPage(http, "/oauth2/authorization/" + ExternalIssuerConfiguration.REGISTRATION_ID);
            }
        }

        /** Roles of a user who signed in at the external issuer, from the {@code roles} claim. */
        static GrantedAuthoritiesMapper oidcRoles() {
            return authorities -> authorities.stream()
                    .filter(OidcUserAuthority.class::isInstance)
                    .map(OidcUserAuthority.class::cast)
                    .flatMap(a -> {
                        Object claim = a.getIdToken().getClaim(RoleClaims.ROLES_CLAIM);
                        if (claim == null && a.getUserInfo() != null) {
                            claim = a.getUserInfo().getClaim(RoleClaims.ROLES_CLAIM);
                        }
                        return RoleClaims.authorities(claim).stream();
                    })
                    .distinct()
                    .toList();
        }
    }

    /**
     * An external OIDC issuer (Keycloak, Microsoft Entra ID, ...) instead of the embedded one: it signs
     * the API's bearer tokens and signs browser users in.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${millflow.security.issuer-uri:}'.isEmpty()")
    static class ExternalIssuerConfiguration {

        static final String REGISTRATION_ID = "millflow";

        @Bean
        JwtDecoder jwtDecoder(@Value("${millflow.security.issuer-uri}") String issuer) {
            return JwtDecoders.fromIssuerLocation(issuer);
        }

        @Bean
        ClientRegistrationRepository clientRegistrationRepository(@Value("${millflow.security.issuer-uri}") String issuer,
                @Value("${millflow.security.client-id}") String clientId,
                @Value("${millflow.security.client-secret}") String clientSecret) {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(REGISTRATION_ID)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .scope("openid", "profile", "email")
                    .userNameAttributeName(RoleClaims.USERNAME_CLAIM)
                    .build();
            return new InMemoryClientRegistrationRepository(registration);
        }
    }
}
