package io.millflow.notification;

import java.util.Map;

/**
 * The in-app title and body of each notification, in English or German ({@code AppUser.getLanguage()}).
 * Placeholders {@code {name}} are replaced from the values given; a missing value becomes empty.
 */
final class NotificationTexts {

    record Text(String title, String body) {
    }

    enum Key { APPROVAL_NEEDED, PROCESS_TASK, PROCESS_TASK_ASSIGNED, PMS_TASK_ASSIGNED, PMS_TASK_OVERDUE,
        PROCESS_TASK_OVERDUE }

    private static final Map<Key, Text> EN = Map.of(
            Key.APPROVAL_NEEDED, new Text("Approval needed: {task}", "{process} waits for your decision."),
            Key.PROCESS_TASK, new Text("New task: {task}", "{process} has a task for you."),
            Key.PROCESS_TASK_ASSIGNED, new Text("Task assigned: {task}", "{actor} assigned you the task {task}."),
            Key.PMS_TASK_ASSIGNED, new Text("Task assigned: {task}",
                    "{actor} assigned you {key} in project {project}."),
            Key.PMS_TASK_OVERDUE, new Text("Overdue: {task}", "{key} in project {project} was due on {due}."),
            Key.PROCESS_TASK_OVERDUE, new Text("Overdue: {task}", "The task was due on {due}."));

    private static final Map<Key, Text> DE = Map.of(
            Key.APPROVAL_NEEDED, new Text("Freigabe erforderlich: {task}", "{process} wartet auf Ihre Entscheidung."),
            Key.PROCESS_TASK, new Text("Neue Aufgabe: {task}", "{process} hat eine Aufgabe für Sie."),
            Key.PROCESS_TASK_ASSIGNED, new Text("Aufgabe zugewiesen: {task}",
                    "{actor} hat Ihnen die Aufgabe {task} zugewiesen."),
            Key.PMS_TASK_ASSIGNED, new Text("Aufgabe zugewiesen: {task}",
                    "{actor} hat Ihnen {key} im Projekt {project} zugewiesen."),
            Key.PMS_TASK_OVERDUE, new Text("Überfällig: {task}", "{key} im Projekt {project} war am {due} fällig."),
            Key.PROCESS_TASK_OVERDUE, new Text("Überfällig: {task}", "Die Aufgabe war am {due} fällig."));

    private NotificationTexts() {
    }

    static Text render(Key key, String language, Map<String, String> values) {
        Text t = ("de".equals(language) ? DE : EN).get(key);
        return new Text(fill(t.title(), values), fill(t.body(), values));
    }

    private static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String v = values.get(template.substring(open + 1, close));
            out.append(v == null ? "" : v);
            i = close + 1;
        }
        return out.toString().replaceAll(" {2,}", " ").trim();
    }
}
