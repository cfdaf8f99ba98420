package io.millflow.calendar;

import io.millflow.calendar.CalendarGateway.EventData;
import io.millflow.pms.PlanCalendar.Entry;
import io.millflow.pms.PlanCalendar.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** How a plan entry looks in a calendar: stable ids, summary, description, and a hash of all of it. */
final class CalendarEntries {

    static final String KEY_PROPERTY = "millflowKey";

    private CalendarEntries() {
    }

    /**
     * The Google event id of an entry: {@code mf} + a letter for the kind + the item's UUID in hex. Google wants 5-1024
     * characters of base32hex (0-9, a-v); hex digits and the letters used here are all in that range, and the id never
     * changes, so a lost answer never leaves a duplicate.
     */
    static String eventId(Kind kind, UUID itemId) {
        char letter = switch (kind) {
            case MILESTONE -> 'm';
            case TASK_DUE -> 'd';
            case ALLOCATION -> 'a';
        };
        return "mf" + letter + itemId.toString().replace("-", "");
    }

    static String key(Kind kind, UUID itemId) {
        return kind + ":" + itemId;
    }

    /** The iCalendar UID: stable across feeds and pushes. */
    static String uid(Entry e) {
        return e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + e.itemId() + "@millflow";
    }

    static String description(Entry e) {
        StringBuilder d = new StringBuilder();
        d.append(e.reference()).append(" · ").append(e.projectName());
        if (!"ACTIVE".equals(e.projectStatus())) {
            d.append(" (project ").append(e.projectStatus().toLowerCase(Locale.ROOT).replace('_', ' ')).append(')');
        }
        if (e.person() != null) {
            d.append("\n").append(e.kind() == Kind.ALLOCATION ? "Person: " : "Assignee: ").append(e.person());
        }
        return d.toString();
    }

    static EventData event(Entry e) {
        return new EventData(eventId(e.kind(), e.itemId()), e.title(), description(e), e.start(), e.end().plusDays(1),
                Map.of(KEY_PROPERTY, e.key()));
    }

    /** SHA-256 of what the event shows; a different hash means the calendar needs the new version. */
    static String hash(Entry e) {
        EventData d = event(e);
        return sha256(d.summary() + "\n" + d.description() + "\n" + d.start() + "\n" + d.endExclusive());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
