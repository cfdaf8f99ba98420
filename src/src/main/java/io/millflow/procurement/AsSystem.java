package io.millflow.procurement;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a call that reads master data when nobody is signed in (a scheduled replenishment run, a worker) as the
 * user {@code system}; a signed-in caller keeps its own identity and permissions.
 */
final class AsSystem {

    private AsSystem() {
    }

    static <T> T ifAnonymous(Supplier<T> call) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated()) {
            return call.get();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
