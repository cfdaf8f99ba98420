package io.millflow.workbench;

import java.util.Locale;

/** The kinds of model the workbench edits, with the file extension each is stored under in {@code bpmn/}. */
public enum ModelKind {
    BPMN("bpmn"), DMN("dmn"), FORM("form");

    private final String extension;

    ModelKind(String extension) {
        this.extension = extension;
    }

    /** File extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The file name of a model with this key, e.g. {@code purchase-order.bpmn}. */
    public String fileName(String key) {
        return key + "." + extension;
    }

    /** BPMN, bpmn, Dmn…; null when the text names no kind. */
    public static ModelKind parse(String text) {
        if (text == null) {
            return null;
        }
        for (ModelKind k : values()) {
            if (k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        return null;
    }

    /** The kind a file name's extension says, or null. */
    public static ModelKind ofFileName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ModelKind k : values()) {
            if (lower.endsWith("." + k.extension)) {
                return k;
            }
        }
        return null;
    }
}
