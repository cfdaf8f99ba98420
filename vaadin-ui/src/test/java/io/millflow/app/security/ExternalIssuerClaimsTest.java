package io.millflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens of any issuer (embedded, Keycloak, Entra ID) become Millflow users the same way: the name
 * from {@code preferred_username} (else {@code sub}), the roles from {@code roles}, unknown roles dropped.
 */
class ExternalIssuerClaimsTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aKeycloakAccessTokenKeepsOnlyMillflowRoles() {
        var auth = SecurityConfiguration.toAuthentication(jwt(Map.of("sub", "f3a1", "preferred_username", "anna",
                "roles", List.of("MANAGER", "offline_access", "default-roles-millflow", "FINANCE"))));
        assertThat(auth.getName()).isEqualTo("anna");
        assertThat(names(auth.getAuthorities())).containsExactly("ROLE_MANAGER", "ROLE_FINANCE");
    }

    @Test
    void anEntraClientCredentialsTokenIsNamedBySubject() {
        var auth = SecurityConfiguration.toAuthentication(jwt(Map.of("sub", "app-7c2e", "roles", List.of("ADMIN"))));
        assertThat(auth.getName()).isEqualTo("app-7c2e");
        assertThat(names(auth.getAuthorities())).containsExactly("ROLE_ADMIN");
    }

    @Test
    void aTokenWithoutRolesGrantsNothing() {
        var auth = SecurityConfiguration.toAuthentication(jwt(Map.of("sub", "x", "roles", "ADMIN")));
        assertThat(auth.getAuthorities()).isEmpty();
    }

    @Test
    void browserSignInAtTheExternalIssuerTakesRolesFromTheIdTokenOrUserInfo() {
        OidcIdToken withRoles = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "u1", "roles", List.of("DEPARTMENT_HEAD", "SOMETHING_ELSE")));
        OidcIdToken withoutRoles = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "u2"));
        OidcUserInfo userInfo = new OidcUserInfo(Map.of("sub", "u2", "roles", List.of("BUYER")));

        var fromIdToken = SecurityConfiguration.VaadinSecurity.oidcRoles()
                .mapAuthorities(List.of(new OidcUserAuthority(withRoles), new SimpleGrantedAuthority("SCOPE_openid")));
        var fromUserInfo = SecurityConfiguration.VaadinSecurity.oidcRoles()
                .mapAuthorities(List.of(new OidcUserAuthority(withoutRoles, userInfo)));

        assertThat(names(fromIdToken)).containsExactly("ROLE_DEPARTMENT_HEAD");
        assertThat(names(fromUserInfo)).containsExactly("ROLE_BUYER");
    }
}
