package io.millflow.notification;

import io.millflow.audit.AuditService;
import io.millflow.security.AppUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.ProblemException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per person and {@link NotificationKind}: in-app on or off, mail OFF, IMMEDIATE or DIGEST; per person the digest
 * hour and (through {@link UserAccounts#changeLanguage}) the language. Defaults when nothing is stored: in-app on;
 * mail IMMEDIATE for approvals and assignments, DIGEST for overdue reminders, OFF otherwise; digest at 07:00. Only
 * the values that were saved are stored; every change is audited.
 */
@Service
public class NotificationPreferences {

    public static final int DEFAULT_DIGEST_HOUR = 7;
    static final String ENTITY = "NotificationPreferences";

    private final JdbcTemplate jdbc;
    private final UserAccounts users;
    private final AuditService audit;

    public NotificationPreferences(JdbcTemplate jdbc, UserAccounts users, AuditService audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /** The default of a kind (contract of issue 8). */
    public static KindPreference defaultFor(NotificationKind kind) {
        MailMode mail = switch (kind) {
            case APPROVAL_NEEDED, TASK_ASSIGNED -> MailMode.IMMEDIATE;
            case TASK_OVERDUE -> MailMode.DIGEST;
            default -> MailMode.OFF;
        };
        return new KindPreference(kind, true, mail);
    }

    /** One person's preferences, defaults filled in. */
    @Transactional(readOnly = true)
    public PreferencesView of(String username) {
        AppUser user = users.find(username).orElseThrow(() -> new ProblemException.NotFound("No user " + username));
        Map<NotificationKind, KindPreference> stored = new EnumMap<>(NotificationKind.class);
        jdbc.query("select kind, in_app, mail from notification_preference where username = ?", rs -> {
            NotificationKind kind = kindOrNull(rs.getString(1));
            if (kind != null) {
                stored.put(kind, new KindPreference(kind, rs.getBoolean(2), MailMode.valueOf(rs.getString(3))));
            }
        }, username);
        List<KindPreference> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            kinds.add(stored.getOrDefault(kind, defaultFor(kind)));
        }
        return new PreferencesView(user.getLanguage(), digestHour(username), List.copyOf(kinds));
    }

    /** The preference of one kind (defaults when none is stored); cheap enough to call per notification. */
    @Transactional(readOnly = true)
    public KindPreference of(String username, NotificationKind kind) {
        List<KindPreference> found = jdbc.query(
                "select in_app, mail from notification_preference where username = ? and kind = ?",
                (rs, i) -> new KindPreference(kind, rs.getBoolean(1), MailMode.valueOf(rs.getString(2))),
                username, kind.name());
        return found.isEmpty() ? defaultFor(kind) : found.get(0);
    }

    @Transactional(readOnly = true)
    public int digestHour(String username) {
        List<Integer> hour = jdbc.queryForList("select digest_hour from notification_setting where username = ?",
                Integer.class, username);
        return hour.isEmpty() ? DEFAULT_DIGEST_HOUR : hour.get(0);
    }

    /**
     * Changes a person's preferences (all or nothing); audited as {@code NOTIFICATION_PREFERENCES_CHANGED} with the
     * preferences before and after, the language as {@code USER_LANGUAGE_CHANGED}.
     *
     * @throws ProblemException.InvalidInput naming the field at fault ({@code language}, {@code digestHour},
     *                                       {@code kinds[i].kind}, {@code kinds[i].mail})
     */
    @Transactional
    public PreferencesView update(String actor, String username, PreferencesCommand command) {
        if (command == null) {
            throw new ProblemException.InvalidInput("body", "preferences are missing");
        }
        PreferencesView before = of(username);
        if (command.language() != null && !UserAccounts.LANGUAGES.contains(command.language())) {
            throw new ProblemException.InvalidInput("language", "language must be one of "
                    + new java.util.TreeSet<>(UserAccounts.LANGUAGES));
        }
        if (command.digestHour() != null && (command.digestHour() < 0 || command.digestHour() > 23)) {
            throw new ProblemException.InvalidInput("digestHour", "digest hour must be between 0 and 23");
        }
        List<KindPreference> changes = new ArrayList<>();
        Set<NotificationKind> seen = new HashSet<>();
        List<PreferencesCommand.Entry> entries = command.kinds() == null ? List.of() : command.kinds();
        for (int i = 0; i < entries.size(); i++) {
            PreferencesCommand.Entry e = entries.get(i);
            String field = "kinds[" + i + "]";
            if (e == null || e.kind() == null) {
                throw new ProblemException.InvalidInput(field + ".kind", "kind is missing");
            }
            NotificationKind kind = kindOrNull(e.kind());
            if (kind == null) {
                throw new ProblemException.InvalidInput(field + ".kind", "unknown kind " + e.kind());
            }
            if (!seen.add(kind)) {
                throw new ProblemException.InvalidInput(field + ".kind", "kind " + kind + " is listed twice");
            }
            MailMode mail = before.of(kind).mail();
            if (e.mail() != null) {
                try {
                    mail = MailMode.valueOf(e.mail());
                } catch (IllegalArgumentException ex) {
                    throw new ProblemException.InvalidInput(field + ".mail", "mail must be OFF, IMMEDIATE or DIGEST");
                }
            }
            boolean inApp = e.inApp() == null ? before.of(kind).inApp() : e.inApp();
            changes.add(new KindPreference(kind, inApp, mail));
        }
        for (KindPreference p : changes) {
            jdbc.update("insert into notification_preference (username, kind, in_app, mail) values (?, ?, ?, ?) "
                    + "on conflict (username, kind) do update set in_app = excluded.in_app, mail = excluded.mail",
                    username, p.kind().name(), p.inApp(), p.mail().name());
        }
        if (command.digestHour() != null) {
            jdbc.update("insert into notification_setting (username, digest_hour) values (?, ?) "
                    + "on conflict (username) do update set digest_hour = excluded.digest_hour",
                    username, command.digestHour());
        }
        if (command.language() != null) {
            users.changeLanguage(actor, username, command.language());
        }
        PreferencesView after = of(username);
        if (!after.kinds().equals(before.kinds()) || after.digestHour() != before.digestHour()) {
            audit.record(actor, "NOTIFICATION_PREFERENCES_CHANGED", ENTITY, username,
                    Map.of("digestHour", before.digestHour(), "kinds", before.kinds()),
                    Map.of("digestHour", after.digestHour(), "kinds", after.kinds()));
        }
        return after;
    }

    static NotificationKind kindOrNull(String name) {
        try {
            return NotificationKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
