package io.millflow.workbench;

import java.util.List;

/**
 * What the checks know about the platform: served external-task topics, roles, deployed decisions and the forms
 * that are deployed or shipped in {@code bpmn/}. The browser linter gets the same lists.
 */
public record LintContext(List<String> topics, List<String> roles, List<String> decisions, List<String> forms) {

    public LintContext {
        topics = List.copyOf(topics);
        roles = List.copyOf(roles);
        decisions = List.copyOf(decisions);
        forms = List.copyOf(forms);
    }
}
