package io.millflow.workbench;

import java.util.List;

/** An element added, removed or changed between two versions; {@code changes} is empty for added and removed ones. */
public record ElementChange(String elementId, String type, String name, List<AttributeChange> changes) {
}
