package io.millflow.workbench;

import java.util.List;

/** What the checks found in one model; {@code key} is the process, decision or form id the model deploys as. */
public record CheckReport(ModelKind kind, String key, String name, List<ModelProblem> problems) {

    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
    }

    public List<ModelProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ModelProblem.Severity.ERROR).toList();
    }
}
