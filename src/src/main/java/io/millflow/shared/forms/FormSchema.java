package io.millflow.shared.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A form-js form (JSON schema, {@code "type": "default"} with {@code components}) read for the server: its input
 * fields and their validation, checked the way the form-js viewer checks them in the browser (same rules, same
 * messages), so that a request that skips the browser is refused just the same.
 *
 * <p>Input types: textfield, textarea, number, checkbox, checklist, radio, select, datetime, taglist. Layout and
 * display types (text, group, spacer, separator, html, image, button, iframe, table) carry no input; a group without
 * a {@code path} is looked into. Anything else (dynamic lists, file pickers, expression fields, groups with a data
 * path, FEEL expressions in validation rules) is refused when the schema is read, because the server could not check
 * it. Options of select, radio, checklist and taglist are checked against the static {@code values}; options from a
 * variable ({@code valuesKey}) or an expression are only checked for their type.
 *
 * <p>Pure Java, no Spring: unit-testable.
 */
public final class FormSchema {

    /** Input component types. */
    public static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
            "radio", "select", "datetime", "taglist");
    /** Component types without input that are shown only. */
    public static final Set<String> LAYOUT_TYPES = Set.of("text", "group", "spacer", "separator", "html", "image",
            "button", "iframe", "table", "default");

    static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}"
            + "[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9][0-9]{6,22}$");
    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?"
            + "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?$");
    private static final int MAX_TEXT = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input field of the form. */
    public record Field(String id, String key, String type, String label, boolean required, BigDecimal min,
            BigDecimal max, Integer minLength, Integer maxLength, Pattern pattern, String patternMessage,
            String validationType, List<String> values, boolean staticValues, String subtype, Integer decimalDigits,
            boolean serializeToString) {

        /** Whether the value is a list (checklist, taglist). */
        public boolean multiple() {
            return "checklist".equals(type) || "taglist".equals(type);
        }
    }

    /** A field's problem: the field's key (or the unknown key sent) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    /** The schema cannot be read or uses something the server cannot check. */
    public static class InvalidSchemaException extends IllegalArgumentException {
        public InvalidSchemaException(String message) {
            super(message);
        }
    }

    private final String id;
    private final Map<String, Field> fields;

    private FormSchema(String id, Map<String, Field> fields) {
        this.id = id;
        this.fields = fields;
    }

    /** Reads a form-js schema; throws {@link InvalidSchemaException} when it is not one the server can check. */
    public static FormSchema parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidSchemaException("The form is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException("The form is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            throw new InvalidSchemaException("The form is not a form-js schema (no components)");
        }
        if (root.has("type") && !"default".equals(root.path("type").asText())) {
            throw new InvalidSchemaException("The form is not a form-js schema (type must be \"default\")");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        String id = root.path("id").isTextual() ? root.path("id").asText() : null;
        return new FormSchema(id, java.util.Collections.unmodifiableMap(fields));
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            if ("group".equals(type)) {
                if (!c.path("path").asText("").isBlank()) {
                    throw new InvalidSchemaException("Group " + c.path("id").asText() + " has a data path; "
                            + "groups with a path are not supported");
                }
                collect(c.path("components"), fields);
            } else if (LAYOUT_TYPES.contains(type)) {
                continue;
            } else if (INPUT_TYPES.contains(type)) {
                if (c.path("disabled").asBoolean(false)) {
                    continue; // form-js never submits a disabled field
                }
                Field f = field(c, type);
                if (fields.putIfAbsent(f.key(), f) != null) {
                    throw new InvalidSchemaException("Two fields have the key " + f.key());
                }
            } else {
                throw new InvalidSchemaException("Component type \"" + type + "\" ("
                        + c.path("id").asText("no id") + ") is not supported");
            }
        }
    }

    private static Field field(JsonNode c, String type) {
        String key = c.path("key").asText("");
        if (key.isBlank()) {
            throw new InvalidSchemaException("A " + type + " field (" + c.path("id").asText("no id") + ") has no key");
        }
        if (key.contains(".") || key.contains("[")) {
            throw new InvalidSchemaException("Field key " + key + " is a path; nested data is not supported");
        }
        JsonNode v = c.path("validate");
        v.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() && e.getValue().asText().startsWith("=")
                    && !"patternErrorMessage".equals(e.getKey())) {
                throw new InvalidSchemaException("Field " + key + ": the " + e.getKey()
                        + " rule is an expression; the server checks only fixed rules");
            }
        });
        Pattern pattern = null;
        if (v.hasNonNull("pattern") && !v.path("pattern").asText().isEmpty()) {
            try {
                pattern = Pattern.compile(v.path("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new InvalidSchemaException("Field " + key + ": the pattern is not a regular expression");
            }
        }
        List<String> values = new ArrayList<>();
        boolean staticValues = !c.has("valuesKey") && !c.has("valuesExpression");
        for (JsonNode option : c.path("values")) {
            values.add(option.path("value").asText());
        }
        return new Field(c.path("id").asText(key), key, type, c.path("label").asText(key),
                v.path("required").asBoolean(false), decimal(v, "min", key), decimal(v, "max", key),
                integer(v, "minLength", key), integer(v, "maxLength", key), pattern,
                v.hasNonNull("patternErrorMessage") ? v.path("patternErrorMessage").asText() : null,
                v.hasNonNull("validationType") ? v.path("validationType").asText() : null,
                List.copyOf(values), staticValues,
                "datetime".equals(type) ? c.path("subtype").asText("date") : null,
                c.hasNonNull("decimalDigits") ? c.path("decimalDigits").asInt() : null,
                c.path("serializeToString").asBoolean(false));
    }

    private static BigDecimal decimal(JsonNode v, String name, String key) {
        JsonNode n = v.get(name);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return null;
        }
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            throw new InvalidSchemaException("Field " + key + ": " + name + " is not a number");
        }
    }

    private static Integer integer(JsonNode v, String name, String key) {
        BigDecimal d = decimal(v, name, key);
        return d == null ? null : d.intValue();
    }

    /** The form's {@code id} (the key processes link with {@code camunda:formRef}), or null. */
    public String id() {
        return id;
    }

    /** The input fields by key, in the form's order. */
    public Map<String, Field> fields() {
        return fields;
    }

    /** The keys of the input fields. */
    public Set<String> keys() {
        return fields.keySet();
    }

    /**
     * Checks submitted data: every key must be a field of the form; each field's value must be of the field's type
     * and pass its rules. Returns the problems, none when the data is valid.
     */
    public List<FieldError> validate(Map<String, ?> data) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ?> values = data == null ? Map.of() : data;
        for (String key : values.keySet()) {
            if (!fields.containsKey(key)) {
                errors.add(new FieldError(key, "Field is not part of this form."));
            }
        }
        for (Field f : fields.values()) {
            validate(f, values.get(f.key()), errors);
        }
        return errors;
    }

    private void validate(Field f, Object value, List<FieldError> errors) {
        int before = errors.size();
        switch (f.type()) {
            case "textfield", "textarea" -> text(f, value, errors);
            case "number" -> number(f, value, errors);
            case "checkbox" -> {
                if (value != null && !(value instanceof Boolean)) {
                    errors.add(new FieldError(f.key(), "Value must be true or false."));
                }
            }
            case "radio", "select" -> option(f, value, errors);
            case "checklist", "taglist" -> options(f, value, errors);
            case "datetime" -> datetime(f, value, errors);
            default -> errors.add(new FieldError(f.key(), "Field type " + f.type() + " is not supported."));
        }
        if (errors.size() == before && f.required() && isUnset(f, value)) {
            errors.add(new FieldError(f.key(), "Field is required."));
        }
    }

    private static boolean isUnset(Field f, Object value) {
        return value == null || "".equals(value) || Boolean.FALSE.equals(value) && "checkbox".equals(f.type())
                || value instanceof Collection<?> c && c.isEmpty();
    }

    private static void text(Field f, Object value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError(f.key(), "Value must be text."));
            return;
        }
        if (s.length() > MAX_TEXT) {
            errors.add(new FieldError(f.key(), "Field must have maximum length of " + MAX_TEXT + "."));
            return;
        }
        if (s.isEmpty()) {
            return;
        }
        if (f.pattern() != null && !f.pattern().matcher(s).find()) {
            errors.add(new FieldError(f.key(), f.patternMessage() != null ? f.patternMessage()
                    : "Field must match pattern " + f.pattern().pattern() + "."));
        }
        int length = s.trim().length();
        if (f.minLength() != null && length < f.minLength()) {
            errors.add(new FieldError(f.key(), "Field must have minimum length of " + f.minLength() + "."));
        }
        if (f.maxLength() != null && length > f.maxLength()) {
            errors.add(new FieldError(f.key(), "Field must have maximum length of " + f.maxLength() + "."));
        }
        if ("email".equals(f.validationType()) && !EMAIL.matcher(s).matches()) {
            errors.add(new FieldError(f.key(), "Field must be a valid email."));
        }
        if ("phone".equals(f.validationType()) && !PHONE.matcher(s).matches()) {
            errors.add(new FieldError(f.key(),
                    "Field must be a valid  international phone number. (e.g. +4930664040900)"));
        }
    }

    private static void number(Field f, Object value, List<FieldError> errors) {
        BigDecimal n = toDecimal(f, value);
        if (value == null || "".equals(value) && f.serializeToString()) {
            return;
        }
        if (n == null) {
            errors.add(new FieldError(f.key(), "Value is not a number."));
            return;
        }
        if (f.decimalDigits() != null && f.decimalDigits() >= 0
                && Math.max(0, n.stripTrailingZeros().scale()) > f.decimalDigits()) {
            errors.add(new FieldError(f.key(), "Value is expected to " + (f.decimalDigits() == 0 ? "be an integer"
                    : "have at most " + f.decimalDigits() + " decimal digit" + (f.decimalDigits() > 1 ? "s" : ""))
                    + "."));
        }
        if (f.min() != null && n.compareTo(f.min()) < 0) {
            errors.add(new FieldError(f.key(), "Field must have minimum value of " + f.min().toPlainString() + "."));
        }
        if (f.max() != null && n.compareTo(f.max()) > 0) {
            errors.add(new FieldError(f.key(), "Field must have maximum value of " + f.max().toPlainString() + "."));
        }
    }

    private static BigDecimal toDecimal(Field f, Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (value instanceof Float d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (value instanceof Number num) {
            return new BigDecimal(num.toString());
        }
        if (value instanceof String s && f.serializeToString() && s.length() <= 64) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static void option(Field f, Object value, List<FieldError> errors) {
        if (value == null || "".equals(value)) {
            return;
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            errors.add(new FieldError(f.key(), "Value must be one option."));
            return;
        }
        if (f.staticValues() && !f.values().contains(String.valueOf(value))) {
            errors.add(new FieldError(f.key(), "Value must be one of: " + String.join(", ", f.values()) + "."));
        }
    }

    private static void options(Field f, Object value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Collection<?> list)) {
            errors.add(new FieldError(f.key(), "Value must be a list of options."));
            return;
        }
        Set<String> wrong = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof String || o instanceof Number || o instanceof Boolean)) {
                errors.add(new FieldError(f.key(), "Value must be a list of options."));
                return;
            }
            if (f.staticValues() && !f.values().contains(String.valueOf(o))) {
                wrong.add(String.valueOf(o));
            }
        }
        if (!wrong.isEmpty()) {
            errors.add(new FieldError(f.key(), "Values " + String.join(", ", wrong) + " are not among: "
                    + String.join(", ", f.values()) + "."));
        }
    }

    private static void datetime(Field f, Object value, List<FieldError> errors) {
        if (value == null || "".equals(value)) {
            return;
        }
        if (!(value instanceof String s) || s.length() > 64) {
            errors.add(new FieldError(f.key(), "Value must be a date or time."));
            return;
        }
        boolean ok = switch (f.subtype()) {
            case "time" -> TIME.matcher(s).matches();
            case "datetime" -> parses(() -> OffsetDateTime.parse(s)) || parses(() -> LocalDateTime.parse(s));
            default -> parses(() -> LocalDate.parse(s));
        };
        if (!ok) {
            errors.add(new FieldError(f.key(), switch (f.subtype()) {
                case "time" -> "Value must be a time (HH:mm).";
                case "datetime" -> "Value must be a date and time (ISO 8601).";
                default -> "Value must be a date (yyyy-MM-dd).";
            }));
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The process variables for valid data: one per field that was sent (numbers as Long when whole and in range,
     * else Double; lists of options as a JSON array text, because the engine stores no Java lists without
     * serialisation).
     */
    public Map<String, Object> toVariables(Map<String, ?> data) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            if (data == null || !data.containsKey(f.key())) {
                continue;
            }
            Object value = data.get(f.key());
            if (value == null) {
                vars.put(f.key(), null);
            } else if ("number".equals(f.type()) && !f.serializeToString()) {
                vars.put(f.key(), number(toDecimal(f, value)));
            } else if (f.multiple()) {
                try {
                    vars.put(f.key(), JSON.writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                vars.put(f.key(), value);
            }
        }
        return vars;
    }

    private static Object number(BigDecimal n) {
        if (n == null) {
            return null;
        }
        if (n.stripTrailingZeros().scale() <= 0) {
            try {
                return n.toBigIntegerExact().longValueExact();
            } catch (ArithmeticException e) {
                return n.doubleValue();
            }
        }
        return n.doubleValue();
    }

    /**
     * The current values of the form's fields, from variables: lists of options that were stored as JSON text are read
     * back as lists; dates become ISO text.
     */
    public Map<String, Object> toData(Map<String, ?> variables) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            Object value = variables == null ? null : variables.get(f.key());
            if (value == null) {
                continue;
            }
            if (f.multiple() && value instanceof String s) {
                try {
                    data.put(f.key(), JSON.readValue(s, List.class));
                } catch (JsonProcessingException e) {
                    data.put(f.key(), List.of(s));
                }
            } else if (value instanceof java.util.Date d) {
                data.put(f.key(), d.toInstant().toString());
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Collection<?>) {
                data.put(f.key(), value instanceof BigInteger b ? b.longValue() : value);
            } else {
                data.put(f.key(), String.valueOf(value));
            }
        }
        return data;
    }
}
