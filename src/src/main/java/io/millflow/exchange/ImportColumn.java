package io.millflow.exchange;

import java.util.List;
import java.util.Locale;

/**
 * A documented column of an import file: its name (English, lower case with underscores), the field of the
 * service command it fills (to place a service's error in the right column), whether it must be filled, an
 * example value for the template, a description, and German aliases. Header names match case-insensitively and
 * ignore spaces, {@code _} and {@code -}.
 */
public record ImportColumn(String name, String field, boolean required, String example, String description,
        List<String> aliases) {

    public static ImportColumn required(String name, String field, String example, String description, String... aliases) {
        return new ImportColumn(name, field, true, example, description, List.of(aliases));
    }

    public static ImportColumn optional(String name, String field, String example, String description, String... aliases) {
        return new ImportColumn(name, field, false, example, description, List.of(aliases));
    }

    /** Whether a header written in a file names this column. */
    public boolean matches(String header) {
        String h = key(header);
        return key(name).equals(h) || aliases.stream().anyMatch(a -> key(a).equals(h));
    }

    static String key(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss").replaceAll("[\\s_\\-.]", "");
    }
}
