package io.millflow.calendar;

import io.millflow.audit.AuditService;
import io.millflow.calendar.CalendarGateway.ChangePage;
import io.millflow.calendar.CalendarGateway.RemoteEvent;
import io.millflow.calendar.CalendarLinks.Link;
import io.millflow.pms.PlanCalendar;
import io.millflow.pms.PlanCalendar.Entry;
import io.millflow.pms.PlanCalendar.Kind;
import io.millflow.pms.TaskView;
import io.millflow.pms.Tasks;
import io.millflow.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two directions of the Google sync, each outside any business transaction:
 * <ul>
 * <li><b>push</b> takes due outbox rows ({@link CalendarLinks#claim}), reads each entry as it is now and upserts or
 * deletes its event; failures are retried with growing pauses;</li>
 * <li><b>pull</b> reads the calendar's changes since the stored sync token (all pages; a 410 starts a full sync),
 * skips the echoes of our own pushes (same etag), and moves a milestone whose event was moved, through
 * {@link Tasks#reschedule} (successors are pushed as the dependencies demand). When the milestone changed in Millflow
 * too since the last push, the later change wins and a conflict row plus an audit record are written;</li>
 * <li><b>reconcile</b> compares every entry with what was pushed (allocations have no business events).</li>
 * </ul>
 */
@Service
public class CalendarSync {

    /** The actor of changes that came from Google. */
    public static final String ACTOR = "google-calendar";
    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final CalendarLinks links;
    private final PlanCalendar plan;
    private final Tasks tasks;
    private final AuditService audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate own;
    private final Clock clock;

    CalendarSync(CalendarLinks links, PlanCalendar plan, Tasks tasks, AuditService audit, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.links = links;
        this.plan = plan;
        this.tasks = tasks;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(int pushed, int deleted, int failed, int pulled, int applied, int conflicts,
            boolean fullSync) {
    }

    /** One sync run: pull first (so conflicts are seen before our version overwrites Google), then push. */
    public Result run(CalendarGateway gateway, String calendarId, int batchSize) {
        Result pull = pull(gateway, calendarId);
        Result push = push(gateway, calendarId, batchSize);
        return new Result(push.pushed(), push.deleted(), push.failed(), pull.pulled(), pull.applied(),
                pull.conflicts(), pull.fullSync());
    }

    // ------------------------------------------------------------------ reconcile

    /**
     * Marks every entry whose calendar version differs from what was pushed, every new entry and every pushed one that
     * is gone. Allocations are considered from {@code weeksBack} weeks ago to {@code weeksAhead} ahead.
     *
     * @return rows marked
     */
    public int reconcile(int weeksBack, int weeksAhead) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            Map<String, Entry> wanted = new LinkedHashMap<>();
            plan.all(today.minusWeeks(weeksBack), today.plusWeeks(weeksAhead)).forEach(e -> wanted.put(e.key(), e));
            Map<String, Link> have = new HashMap<>();
            links.all().forEach(l -> have.put(l.itemKey(), l));
            int marked = 0;
            for (Entry e : wanted.values()) {
                Link l = have.get(e.key());
                if (l == null || !l.dirty() && (l.deleted() || !CalendarEntries.hash(e).equals(l.contentHash()))) {
                    links.changed(e.kind(), e.itemId(), e.projectId(), now);
                    marked++;
                }
            }
            for (Link l : have.values()) {
                if (!wanted.containsKey(l.itemKey()) && !l.deleted() && !l.dirty()
                        && (l.kind() != Kind.ALLOCATION || plan.entry(l.kind(), l.itemId()).isEmpty())) {
                    links.changed(l.kind(), l.itemId(), l.projectId(), now);
                    marked++;
                }
            }
            return marked;
        });
    }

    // ------------------------------------------------------------------ push

    /** Pushes due outbox rows, at most {@code batchSize}. */
    public Result push(CalendarGateway gateway, String calendarId, int batchSize) {
        Instant now = clock.instant();
        List<Link> claimed = tx.execute(s -> links.claim(now, now.plus(LEASE), batchSize));
        int pushed = 0;
        int deleted = 0;
        int failed = 0;
        for (Link link : claimed) {
            Optional<Entry> entry = tx.execute(s -> plan.entry(link.kind(), link.itemId()));
            try {
                if (entry.isPresent()) {
                    RemoteEvent answer = gateway.upsert(calendarId, CalendarEntries.event(entry.get()));
                    String hash = CalendarEntries.hash(entry.get());
                    tx.executeWithoutResult(s -> links.pushed(link.itemKey(), link.localVersion(), answer.etag(), hash,
                            false, answer.updated(), clock.instant()));
                    pushed++;
                } else if (link.everPushed() && !link.deleted()) {
                    gateway.delete(calendarId, link.googleEventId());
                    tx.executeWithoutResult(s -> links.pushed(link.itemKey(), link.localVersion(), link.etag(), null,
                            true, null, clock.instant()));
                    deleted++;
                } else if (link.everPushed()) {
                    tx.executeWithoutResult(s -> links.pushed(link.itemKey(), link.localVersion(), link.etag(), null,
                            true, null, clock.instant()));
                } else {
                    tx.executeWithoutResult(s -> links.forget(link.itemKey(), link.localVersion()));
                }
            } catch (RuntimeException e) {
                failed++;
                Duration pause = e instanceof CalendarException ce && ce.retryAfter() != null ? ce.retryAfter()
                        : backoff(link.attempts() + 1);
                log.warn("Calendar push of {} failed (attempt {}), next in {}: {}", link.itemKey(),
                        link.attempts() + 1, pause, e.getMessage());
                tx.executeWithoutResult(s -> links.failed(link.itemKey(), String.valueOf(e.getMessage()),
                        clock.instant().plus(pause)));
            }
        }
        return new Result(pushed, deleted, failed, 0, 0, 0, false);
    }

    /** 1 minute after the first failure, doubling up to 6 hours. */
    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(attempts - 1, 9);
        return Duration.ofMinutes(Math.min(minutes, 360));
    }

    // ------------------------------------------------------------------ pull

    /** Reads the calendar's changes since the last sync token; a 410 answer starts a full sync. */
    public Result pull(CalendarGateway gateway, String calendarId) {
        String token = jdbc.query("select sync_token from calendar_sync_state where calendar_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, calendarId);
        boolean full = token == null;
        int[] counts = new int[3];
        String next;
        try {
            next = readAll(gateway, calendarId, token, counts);
        } catch (CalendarException.SyncTokenExpired expired) {
            log.info("Calendar {}: sync token expired, full sync", calendarId);
            full = true;
            next = readAll(gateway, calendarId, null, counts);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            tx.executeWithoutResult(s -> saveState(calendarId, null, false, message));
            throw e;
        }
        String nextToken = next;
        boolean wasFull = full;
        tx.executeWithoutResult(s -> saveState(calendarId, nextToken, wasFull, null));
        return new Result(0, 0, 0, counts[0], counts[1], counts[2], full);
    }

    private String readAll(CalendarGateway gateway, String calendarId, String syncToken, int[] counts) {
        String pageToken = null;
        while (true) {
            ChangePage page = gateway.changes(calendarId, syncToken, pageToken);
            for (RemoteEvent event : page.events()) {
                counts[0]++;
                Outcome o = tx.execute(s -> apply(event));
                if (o == Outcome.APPLIED || o == Outcome.CONFLICT_GOOGLE) {
                    counts[1]++;
                }
                if (o == Outcome.CONFLICT_GOOGLE || o == Outcome.CONFLICT_MILLFLOW) {
                    counts[2]++;
                }
            }
            if (page.nextPageToken() == null) {
                if (page.nextSyncToken() == null) {
                    throw new CalendarException("The last page of changes carries no nextSyncToken", 200);
                }
                return page.nextSyncToken();
            }
            pageToken = page.nextPageToken();
        }
    }

    private void saveState(String calendarId, String token, boolean full, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        if (token != null) {
            jdbc.update("insert into calendar_sync_state (calendar_id, sync_token, last_pull_at, last_full_at, "
                    + "last_error) values (?, ?, ?, ?, null) on conflict (calendar_id) do update set sync_token = "
                    + "excluded.sync_token, last_pull_at = excluded.last_pull_at, last_full_at = coalesce("
                    + "excluded.last_full_at, calendar_sync_state.last_full_at), last_error = null", calendarId, token,
                    now, full ? now : null);
        } else {
            jdbc.update("insert into calendar_sync_state (calendar_id, last_error) values (?, ?) on conflict "
                    + "(calendar_id) do update set last_error = excluded.last_error", calendarId, error);
        }
    }

    enum Outcome { IGNORED, ECHO, SAME, REPUSH, APPLIED, CONFLICT_GOOGLE, CONFLICT_MILLFLOW }

    /** One changed event, in its own transaction. */
    Outcome apply(RemoteEvent event) {
        Optional<Link> found = links.byEventId(event.id());
        if (found.isEmpty()) {
            return Outcome.IGNORED; // not an event of ours
        }
        Link link = found.get();
        if (event.etag() != null && event.etag().equals(link.etag())) {
            return Outcome.ECHO;
        }
        Instant now = clock.instant();
        if (link.deleted()) {
            return Outcome.IGNORED;
        }
        Optional<Entry> entry = plan.entry(link.kind(), link.itemId());
        if (entry.isEmpty()) {
            links.seen(link.itemKey(), event.etag(), event.updated());
            return Outcome.IGNORED; // the entry is gone here; the push deletes the event
        }
        Entry e = entry.get();
        if (link.kind() != Kind.MILESTONE || event.cancelled() || event.start() == null) {
            // Millflow owns due dates and allocations, and a milestone is not deleted from a calendar: put ours back
            links.seen(link.itemKey(), event.etag(), event.updated());
            links.repush(link.itemKey(), now);
            return Outcome.REPUSH;
        }
        if (event.start().equals(e.start())) {
            links.seen(link.itemKey(), event.etag(), event.updated());
            if (!e.title().equals(event.summary())) {
                links.repush(link.itemKey(), now);
                return Outcome.REPUSH;
            }
            return Outcome.SAME;
        }
        Instant googleAt = event.updated() == null ? now : event.updated();
        if (link.dirty()) {
            boolean googleWins = googleAt.isAfter(link.localChangedAt());
            conflict(link, e, event, googleAt, googleWins);
            if (!googleWins) {
                links.seen(link.itemKey(), event.etag(), event.updated());
                return Outcome.CONFLICT_MILLFLOW; // the pending push overwrites Google
            }
        }
        try {
            moveMilestone(link, event);
        } catch (ProblemException refused) {
            log.warn("Milestone {} cannot move to {} as Google says: {}", e.reference(), event.start(),
                    refused.getMessage());
            audit.record(ACTOR, "CALENDAR_CHANGE_REFUSED", "ProjectTask", link.itemId().toString(),
                    Map.of("start", e.start()), Map.of("googleStart", event.start(), "reason", refused.getMessage()));
            links.seen(link.itemKey(), event.etag(), event.updated());
            links.repush(link.itemKey(), now);
            return Outcome.REPUSH;
        }
        Entry moved = plan.entry(Kind.MILESTONE, link.itemId()).orElse(e);
        links.tookFromGoogle(link.itemKey(), event.etag(), CalendarEntries.hash(moved), event.updated(), now);
        return link.dirty() ? Outcome.CONFLICT_GOOGLE : Outcome.APPLIED;
    }

    /** Moves the milestone in a transaction of its own, so that a refusal leaves this event's transaction usable. */
    private void moveMilestone(Link link, RemoteEvent event) {
        List<TaskView> changed = own.execute(s -> asCalendar(() -> tasks.reschedule(link.itemId(), event.start(),
                null)));
        Instant now = clock.instant();
        // successors pushed by the dependencies show the new dates in the calendar too
        for (TaskView t : changed) {
            if (!t.id().equals(link.itemId())) {
                links.changed(t.milestone() ? Kind.MILESTONE : Kind.TASK_DUE, t.id(), t.projectId(), now);
            }
        }
        audit.record(ACTOR, "CALENDAR_CHANGE_APPLIED", "ProjectTask", link.itemId().toString(), null,
                Map.of("eventId", event.id(), "start", event.start(), "successorsMoved", changed.size() - 1));
    }

    private void conflict(Link link, Entry e, RemoteEvent event, Instant googleAt, boolean googleWins) {
        UUID id = UUID.randomUUID();
        String winner = googleWins ? "GOOGLE" : "MILLFLOW";
        jdbc.update("insert into calendar_conflict (id, item_key, project_id, google_event_id, google_start, "
                + "google_updated_at, millflow_start, millflow_changed_at, winner, resolved_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, link.itemKey(), link.projectId(), event.id(),
                java.sql.Date.valueOf(event.start()), Timestamp.from(googleAt), java.sql.Date.valueOf(e.start()),
                Timestamp.from(link.localChangedAt()), winner, Timestamp.from(clock.instant()));
        audit.record(ACTOR, "CALENDAR_CONFLICT_RESOLVED", "ProjectTask", link.itemId().toString(),
                Map.of("millflowStart", e.start(), "millflowChangedAt", link.localChangedAt()),
                Map.of("googleStart", event.start(), "googleUpdatedAt", googleAt, "winner", winner,
                        "conflictId", id));
    }

    private static <T> T asCalendar(Supplier<T> call) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(ACTOR, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
