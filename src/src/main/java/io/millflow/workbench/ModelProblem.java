package io.millflow.workbench;

/**
 * One finding of the checks: the rule (a bpmnlint rule id such as {@code label-required}, or {@code millflow/…}),
 * the element it is about (may be null for the whole model), how bad it is, and what is wrong.
 */
public record ModelProblem(String ruleId, String elementId, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    static ModelProblem error(String ruleId, String elementId, String message) {
        return new ModelProblem(ruleId, elementId, Severity.ERROR, message);
    }

    static ModelProblem warning(String ruleId, String elementId, String message) {
        return new ModelProblem(ruleId, elementId, Severity.WARNING, message);
    }
}
