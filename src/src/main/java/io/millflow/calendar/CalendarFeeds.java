package io.millflow.calendar;

import io.millflow.audit.AuditService;
import io.millflow.calendar.FeedView.FeedCreated;
import io.millflow.pms.PlanCalendar;
import io.millflow.pms.PlanCalendar.Entry;
import io.millflow.pms.ProjectAccess;
import io.millflow.pms.ProjectRole;
import io.millflow.security.AppUser;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret, revocable iCalendar feed URLs ({@code /ical/<token>.ics}). A token is 32 random bytes (256 bits, URL-safe
 * Base64); only its SHA-256 is stored and compared in constant time. Everyone inside the firm makes and revokes their
 * own person feeds; project feeds are made and revoked by the project's managers and ADMIN. A feed answers only while
 * it is not revoked, its owner is enabled and (project feeds) still manages the project.
 */
@Service
public class CalendarFeeds {

    static final String ENTITY = "CalendarFeed";
    /** Everyone inside the firm (not suppliers). */
    static final String INTERNAL = "hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE',"
            + "'PROCESS_OWNER','ADMIN')";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_FEEDS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "select f.id, f.scope, f.project_id, p.code, f.label, f.owner, f.created_at, "
            + "f.revoked_at, f.last_used_at, f.token_hash from calendar_feed f left join project p on p.id = f.project_id ";

    private final JdbcTemplate jdbc;
    private final PlanCalendar plan;
    private final ProjectAccess access;
    private final UserAccounts users;
    private final AuditService audit;
    private final Clock clock;

    CalendarFeeds(JdbcTemplate jdbc, PlanCalendar plan, ProjectAccess access, UserAccounts users, AuditService audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(FeedView view, String tokenHash) {
    }

    // ------------------------------------------------------------------ own feeds

    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public List<FeedView> mine() {
        return jdbc.query(SELECT + "where f.owner = ? and f.scope = 'PERSON' order by f.created_at desc", CalendarFeeds::row,
                CurrentUser.get().username()).stream().map(Row::view).toList();
    }

    @Transactional
    @PreAuthorize(INTERNAL)
    public FeedCreated createMine(String label) {
        return create("PERSON", null, label, "My calendar");
    }

    @Transactional
    @PreAuthorize(INTERNAL)
    public FeedView revokeMine(UUID id) {
        Row row = find(id).filter(r -> r.view().scope().equals("PERSON")
                && r.view().owner().equals(CurrentUser.get().username()))
                .orElseThrow(() -> new ProblemException.NotFound("No calendar feed " + id));
        return revoke(row);
    }

    // ------------------------------------------------------------------ project feeds

    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public List<FeedView> ofProject(UUID projectId) {
        access.checkManage(projectId);
        return jdbc.query(SELECT + "where f.project_id = ? order by f.created_at desc", CalendarFeeds::row, projectId)
                .stream().map(Row::view).toList();
    }

    @Transactional
    @PreAuthorize(INTERNAL)
    public FeedCreated createForProject(UUID projectId, String label) {
        access.checkManage(projectId);
        return create("PROJECT", projectId, label, "Project calendar");
    }

    @Transactional
    @PreAuthorize(INTERNAL)
    public FeedView revokeForProject(UUID projectId, UUID id) {
        access.checkManage(projectId);
        Row row = find(id).filter(r -> projectId.equals(r.view().projectId()))
                .orElseThrow(() -> new ProblemException.NotFound("No calendar feed " + id));
        return revoke(row);
    }

    private FeedCreated create(String scope, UUID projectId, String label, String defaultLabel) {
        String l = label == null || label.isBlank() ? defaultLabel : label.strip();
        if (l.length() > 100) {
            throw new ProblemException.InvalidInput("label", "is longer than 100 characters");
        }
        String owner = CurrentUser.get().username();
        Integer open = jdbc.queryForObject("select count(*) from calendar_feed where owner = ? and revoked_at is null",
                Integer.class, owner);
        if (open != null && open >= MAX_FEEDS) {
            throw new ProblemException.Conflict("You have " + open + " active calendar feeds; revoke one first");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into calendar_feed (id, owner, scope, project_id, label, token_hash, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", id, owner, scope, projectId, l, hash(token),
                Timestamp.from(clock.instant()));
        FeedView view = find(id).orElseThrow().view();
        audit.record(owner, "CALENDAR_FEED_CREATED", ENTITY, id.toString(), null,
                Map.of("scope", scope, "label", l, "projectId", projectId == null ? "" : projectId.toString()));
        return new FeedCreated(view, "/ical/" + token + ".ics");
    }

    private FeedView revoke(Row row) {
        if (row.view().revokedAt() != null) {
            return row.view();
        }
        String actor = CurrentUser.get().username();
        jdbc.update("update calendar_feed set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), actor, row.view().id());
        FeedView after = find(row.view().id()).orElseThrow().view();
        audit.record(actor, "CALENDAR_FEED_REVOKED", ENTITY, row.view().id().toString(),
                Map.of("revokedAt", ""), Map.of("revokedAt", after.revokedAt().toString()));
        return after;
    }

    private Optional<Row> find(UUID id) {
        return jdbc.query(SELECT + "where f.id = ?", CalendarFeeds::row, id).stream().findFirst();
    }

    // ------------------------------------------------------------------ the feed itself

    /** What a feed shows, for {@link ICalendarWriter}. */
    public record FeedContent(String name, List<Entry> entries, Instant lastModified) {
    }

    /**
     * The entries of the feed with this token, or empty when the token is malformed, unknown, revoked, or its owner
     * may no longer see it. Needs no signed-in user: the token is the credential.
     */
    @Transactional
    public Optional<FeedContent> content(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<Row> found = jdbc.query(SELECT + "where f.token_hash = ?", CalendarFeeds::row, hash).stream()
                .findFirst();
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().tokenHash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII)) || found.get().view().revokedAt() != null) {
            return Optional.empty();
        }
        FeedView feed = found.get().view();
        Optional<AppUser> owner = users.find(feed.owner()).filter(AppUser::isEnabled);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries;
        String name;
        if ("PROJECT".equals(feed.scope())) {
            boolean manages = ProjectAccess.seesAll(owner.get().getRoles())
                    || access.roleOf(feed.projectId(), feed.owner()).filter(r -> r == ProjectRole.MANAGER).isPresent();
            if (!manages) {
                return Optional.empty();
            }
            entries = plan.forProject(feed.projectId());
            name = "Millflow " + feed.projectCode();
        } else {
            entries = plan.forPerson(feed.owner());
            name = "Millflow – " + owner.get().getDisplayName();
        }
        Instant now = clock.instant();
        if (feed.lastUsedAt() == null || feed.lastUsedAt().isBefore(now.minus(Duration.ofHours(1)))) {
            jdbc.update("update calendar_feed set last_used_at = ? where id = ?", Timestamp.from(now), feed.id());
        }
        Instant lastModified = entries.stream().map(Entry::changedAt).max(Comparator.naturalOrder())
                .orElse(feed.createdAt());
        return Optional.of(new FeedContent(name, entries, lastModified));
    }

    static String hash(String token) {
        return CalendarEntries.sha256(token);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp(8);
        Timestamp used = rs.getTimestamp(9);
        return new Row(new FeedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                revoked == null ? null : revoked.toInstant(), used == null ? null : used.toInstant()),
                rs.getString(10));
    }
}
