package io.millflow.security;

import io.millflow.audit.AuditService;
import io.millflow.processes.Roles;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users of Millflow, kept in the database; also the source of logins ({@link UserDetailsService}). */
@Service
public class UserAccounts implements UserDetailsService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;

    UserAccounts(AppUserRepository users, PasswordEncoder passwordEncoder, AuditService audit, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.isEnabled())
                .authorities(user.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .build();
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> find(String username) {
        return users.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.existsByUsername(username);
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    /** Whether some enabled user has the role. */
    @Transactional(readOnly = true)
    public boolean anyEnabledWithRole(String role) {
        return users.existsEnabledWithRole(role);
    }

    /** True when the user's stored hash matches {@code rawPassword} (used to refuse default secrets). */
    @Transactional(readOnly = true)
    public boolean passwordMatches(String username, String rawPassword) {
        return users.findByUsername(username).map(u -> passwordEncoder.matches(rawPassword, u.getPasswordHash()))
                .orElse(false);
    }

    @Transactional
    public AppUser create(String actor, String username, String rawPassword, String displayName, String email,
            Set<String> roles) {
        if (username == null || !username.matches("[a-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("Username must be 2-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("Password must have at least 8 characters");
        }
        for (String role : roles) {
            if (!Roles.isKnown(role)) {
                throw new IllegalArgumentException("Unknown role: " + role);
            }
        }
        if (users.existsByUsername(username)) {
            throw new IllegalStateException("User exists: " + username);
        }
        AppUser user = users.save(new AppUser(username, passwordEncoder.encode(rawPassword), displayName, email, roles,
                clock.instant()));
        audit.record(actor, "USER_CREATED", "AppUser", user.getId().toString(), null,
                Map.of("username", username, "roles", roles));
        return user;
    }

    /**
     * Links a SUPPLIER user to the supplier it belongs to (or unlinks it with {@code null}); audited.
     *
     * @throws IllegalArgumentException when the user does not exist or is no SUPPLIER
     */
    @Transactional
    public AppUser linkSupplier(String actor, String username, UUID supplierId) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("No user " + username));
        if (supplierId != null && !user.getRoles().contains(Roles.SUPPLIER)) {
            throw new IllegalArgumentException("User " + username + " is no SUPPLIER");
        }
        UUID before = user.getSupplierId();
        user.linkSupplier(supplierId);
        audit.record(actor, "USER_SUPPLIER_LINKED", "AppUser", user.getId().toString(),
                Map.of("supplierId", before == null ? "" : before.toString()),
                Map.of("supplierId", supplierId == null ? "" : supplierId.toString()));
        return user;
    }

    /** The supplier a user belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> supplierOf(String username) {
        return users.findByUsername(username).map(AppUser::getSupplierId);
    }

    /** Languages that mails and notifications are written in. */
    public static final Set<String> LANGUAGES = Set.of("en", "de");

    /** Enabled users holding any of the roles (e.g. a user task's candidate groups), by username. */
    @Transactional(readOnly = true)
    public List<AppUser> enabledWithAnyRole(Collection<String> roles) {
        return roles.isEmpty() ? List.of() : users.findEnabledWithAnyRole(roles);
    }

    /** The enabled user whose mail address this is (case-insensitive); empty when none or ambiguous. */
    @Transactional(readOnly = true)
    public Optional<AppUser> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<AppUser> found = users.findEnabledByEmail(email.trim());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * Sets the language a user's mails and notifications are written in; audited.
     *
     * @throws IllegalArgumentException for an unknown user or a language other than {@link #LANGUAGES}
     */
    @Transactional
    public AppUser changeLanguage(String actor, String username, String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Language must be one of " + new java.util.TreeSet<>(LANGUAGES));
        }
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("No user " + username));
        String before = user.getLanguage();
        if (!before.equals(language)) {
            user.changeLanguage(language);
            audit.record(actor, "USER_LANGUAGE_CHANGED", "AppUser", user.getId().toString(),
                    Map.of("language", before), Map.of("language", language));
        }
        return user;
    }
}
