package io.millflow.mail;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a call with another identity on this thread, and restores the previous one afterwards. */
final class RunAs {

    private RunAs() {
    }

    /** As {@code system} with ADMIN, for reading what a mail shows (a purchase order, a supplier). */
    static <T> T system(Supplier<T> call) {
        return user("system", List.of(new SimpleGrantedAuthority("ROLE_ADMIN")), call);
    }

    /** As a person with their roles, e.g. the approver of a mail reply. */
    static <T> T user(String username, Collection<? extends GrantedAuthority> authorities, Supplier<T> call) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
