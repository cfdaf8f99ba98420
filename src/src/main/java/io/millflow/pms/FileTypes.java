package io.millflow.pms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The allowlist of attachment types, recognised by their first bytes (magic numbers), not by name or declared type:
 * PDF, PNG, JPEG, GIF, WebP, Office Open XML / OpenDocument (zip containers) and plain UTF-8 text (txt, csv, md).
 */
final class FileTypes {

    private static final Set<String> FORBIDDEN_EXTENSIONS = Set.of("exe", "dll", "com", "bat", "cmd", "scr", "msi",
            "js", "jse", "vbs", "vbe", "ps1", "sh", "jar", "apk", "app", "pif", "cpl", "hta", "lnk", "reg", "html",
            "htm", "svg", "xhtml");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "csv", "md", "log");

    private FileTypes() {
    }

    /** The content type of the bytes if it is on the allowlist. */
    static Optional<String> detect(byte[] b, String fileName) {
        if (starts(b, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, "GIF87a") || starts(b, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (starts(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return Optional.ofNullable(switch (extension(fileName)) {
                case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                case "odt" -> "application/vnd.oasis.opendocument.text";
                case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
                case "zip" -> "application/zip";
                default -> null;
            });
        }
        if (TEXT_EXTENSIONS.contains(extension(fileName)) && isText(b)) {
            return Optional.of(extension(fileName).equals("csv") ? "text/csv" : "text/plain");
        }
        return Optional.empty();
    }

    /** True when the declared type does not contradict the detected one (a generic or missing type never does). */
    static boolean compatible(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String d = declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (d.equals("application/octet-stream") || d.equals(detected)) {
            return true;
        }
        if (detected.startsWith("text/")) {
            return d.startsWith("text/");
        }
        if (detected.equals("image/jpeg")) {
            return d.equals("image/jpg") || d.equals("image/pjpeg");
        }
        if (detected.startsWith("application/vnd.") || detected.equals("application/zip")) {
            return d.equals("application/zip") || d.equals("application/x-zip-compressed")
                    || d.startsWith("application/vnd.");
        }
        return false;
    }

    static boolean forbiddenName(String fileName) {
        return FORBIDDEN_EXTENSIONS.contains(extension(fileName));
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isText(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, String prefix) {
        return starts(b, prefix.chars().toArray());
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
