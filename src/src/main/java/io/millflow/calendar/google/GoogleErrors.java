package io.millflow.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Google's error bodies: the API's {@code {"error": {"code", "message", "errors": [{"reason"}]}}} and the
 * token endpoint's {@code {"error": "invalid_grant", "error_description"}}.
 */
final class GoogleErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleErrors() {
    }

    static boolean rateLimited(String body) {
        String reason = reason(body);
        return "rateLimitExceeded".equals(reason) || "userRateLimitExceeded".equals(reason);
    }

    static String reason(String body) {
        JsonNode error = error(body);
        if (error == null) {
            return null;
        }
        JsonNode errors = error.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return errors.get(0).path("reason").asText(null);
        }
        return error.isTextual() ? error.asText() : null;
    }

    static String message(String body) {
        JsonNode root = parse(body);
        if (root == null) {
            return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            String description = root.path("error_description").asText("");
            return error.asText() + (description.isEmpty() ? "" : ": " + description);
        }
        String reason = reason(body);
        return error.path("message").asText("") + (reason == null ? "" : " (" + reason + ")");
    }

    private static JsonNode error(String body) {
        JsonNode root = parse(body);
        return root == null || root.path("error").isMissingNode() ? null : root.get("error");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
