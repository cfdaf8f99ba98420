package io.millflow.ui.workbench;

import java.time.Duration;

/** Short readable durations for the workbench pages: {@code 2 d 3 h}, {@code 4 h 10 min}, {@code 3 min 5 s}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration d) {
        if (d == null) {
            return "–";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = ms / 1000;
        long days = s / 86_400;
        long hours = (s % 86_400) / 3600;
        long minutes = (s % 3600) / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (seconds > 0 ? " " + seconds + " s" : "");
        }
        return seconds + " s";
    }
}
