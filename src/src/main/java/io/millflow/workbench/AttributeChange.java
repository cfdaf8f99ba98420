package io.millflow.workbench;

/** One attribute (or extension value, or text) of an element that differs between two versions; null = absent. */
public record AttributeChange(String attribute, String before, String after) {
}
