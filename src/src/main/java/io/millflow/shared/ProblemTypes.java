package io.millflow.shared;

import java.net.URI;

/** The base of every problem type URI Millflow answers with. */
public final class ProblemTypes {

    public static final String BASE = "https://millflow.io/problems/";

    private ProblemTypes() {
    }

    public static URI of(String type) {
        return URI.create(BASE + type);
    }
}
