package io.millflow.workbench;

import java.util.List;

/** The difference between two deployed versions of a model, element by element (matched by id). */
public record ModelDiff(ModelKind kind, String key, int fromVersion, int toVersion,
        List<ElementChange> added, List<ElementChange> removed, List<ElementChange> changed) {
}
