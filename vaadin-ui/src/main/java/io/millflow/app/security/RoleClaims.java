package io.millflow.app.security;

import io.millflow.processes.Roles;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Maps the {@code roles} claim of a token (any issuer) to Spring authorities; unknown role names are ignored. */
final class RoleClaims {

    static final String ROLES_CLAIM = "roles";
    static final String USERNAME_CLAIM = "preferred_username";

    private RoleClaims() {
    }

    static List<GrantedAuthority> authorities(Object claim) {
        if (!(claim instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream()
                .filter(Objects::nonNull)
                .map(Object::toString)
                .filter(Roles::isKnown)
                .distinct()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
    }

    static List<String> roleNames(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(Roles::isKnown)
                .distinct()
                .toList();
    }
}
