package io.millflow.shared.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.shared.forms.FormSchema.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of the server-side form check, both ways, and the shipped finance-review form. */
class FormSchemaTest {

    private static FormSchema form(String components) {
        return FormSchema.parse("{\"type\":\"default\",\"id\":\"t\",\"components\":[" + components + "]}");
    }

    private static List<String> messages(FormSchema schema, Map<String, ?> data) {
        return schema.validate(data).stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    private static Map<String, Object> data(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theShippedFinanceReviewFormIsReadWithItsFourFields() throws IOException {
        FormSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/finance-review.form")) {
            assertThat(in).as("bpmn/finance-review.form on the classpath").isNotNull();
            schema = FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(schema.id()).isEqualTo("finance-review");
        assertThat(schema.keys()).containsExactly("costCentre", "budgetConfirmed", "amountChecked", "comment");
        assertThat(schema.validate(data("costCentre", "FI-1200", "budgetConfirmed", true, "amountChecked", 120.5,
                "comment", "ok"))).isEmpty();
        assertThat(messages(schema, data("costCentre", "fi-12", "amountChecked", -1, "comment", "x".repeat(501))))
                .containsExactly(
                        "costCentre: Cost centre must look like FI-1200 (two capital letters, a dash, four digits).",
                        "amountChecked: Field must have minimum value of 0.",
                        "comment: Field must have maximum length of 500.");
        assertThat(messages(schema, data())).containsExactly("costCentre: Field is required.");
    }

    @Test
    void required() {
        FormSchema schema = form("{\"type\":\"textfield\",\"key\":\"a\",\"validate\":{\"required\":true}},"
                + "{\"type\":\"checkbox\",\"key\":\"b\",\"validate\":{\"required\":true}},"
                + "{\"type\":\"checklist\",\"key\":\"c\",\"values\":[{\"label\":\"X\",\"value\":\"x\"}],"
                + "\"validate\":{\"required\":true}},"
                + "{\"type\":\"number\",\"key\":\"d\",\"validate\":{\"required\":true}}");
        assertThat(messages(schema, data("a", "", "b", false, "c", List.of(), "d", null))).containsExactly(
                "a: Field is required.", "b: Field is required.", "c: Field is required.", "d: Field is required.");
        assertThat(messages(schema, data())).hasSize(4);
        assertThat(schema.validate(data("a", "v", "b", true, "c", List.of("x"), "d", 0))).isEmpty();
    }

    @Test
    void minAndMax() {
        FormSchema schema = form("{\"type\":\"number\",\"key\":\"n\",\"validate\":{\"min\":1,\"max\":10.5}}");
        assertThat(messages(schema, data("n", 0))).containsExactly("n: Field must have minimum value of 1.");
        assertThat(messages(schema, data("n", 10.6))).containsExactly("n: Field must have maximum value of 10.5.");
        assertThat(schema.validate(data("n", 1))).isEmpty();
        assertThat(schema.validate(data("n", 10.5))).isEmpty();
        assertThat(schema.validate(data())).as("not required").isEmpty();
    }

    @Test
    void minLengthAndMaxLengthCountTrimmedText() {
        FormSchema schema = form("{\"type\":\"textarea\",\"key\":\"t\",\"validate\":{\"minLength\":2,\"maxLength\":4}}");
        assertThat(messages(schema, data("t", " a "))).containsExactly("t: Field must have minimum length of 2.");
        assertThat(messages(schema, data("t", "abcde"))).containsExactly("t: Field must have maximum length of 4.");
        assertThat(schema.validate(data("t", "ab"))).isEmpty();
        assertThat(schema.validate(data("t", " abcd "))).isEmpty();
    }

    @Test
    void patternWithAndWithoutItsOwnMessage() {
        FormSchema schema = form("{\"type\":\"textfield\",\"key\":\"p\",\"validate\":{\"pattern\":\"^[0-9]+$\"}},"
                + "{\"type\":\"textfield\",\"key\":\"q\",\"validate\":{\"pattern\":\"^x\","
                + "\"patternErrorMessage\":\"starts with x\"}}");
        assertThat(messages(schema, data("p", "12a", "q", "y"))).containsExactly(
                "p: Field must match pattern ^[0-9]+$.", "q: starts with x");
        assertThat(schema.validate(data("p", "123", "q", "xy"))).isEmpty();
    }

    @Test
    void email() {
        FormSchema schema = form("{\"type\":\"textfield\",\"key\":\"e\",\"validate\":{\"validationType\":\"email\"}}");
        assertThat(messages(schema, data("e", "not-an-address"))).containsExactly("e: Field must be a valid email.");
        assertThat(schema.validate(data("e", "finance@millflow.io"))).isEmpty();
    }

    @Test
    void numbersMustBeNumbers() {
        FormSchema schema = form("{\"type\":\"number\",\"key\":\"n\"},"
                + "{\"type\":\"number\",\"key\":\"i\",\"decimalDigits\":0},"
                + "{\"type\":\"number\",\"key\":\"s\",\"serializeToString\":true}");
        assertThat(messages(schema, data("n", "12", "i", 1.5, "s", "abc"))).containsExactly(
                "n: Value is not a number.", "i: Value is expected to be an integer.", "s: Value is not a number.");
        assertThat(messages(schema, data("n", true))).containsExactly("n: Value is not a number.");
        assertThat(schema.validate(data("n", 12.25, "i", 3, "s", "12.50"))).isEmpty();
        assertThat(schema.toVariables(data("n", 12.0, "i", 3, "s", "12.50")))
                .containsEntry("n", 12L).containsEntry("i", 3L).containsEntry("s", "12.50");
    }

    @Test
    void textAndCheckboxTypes() {
        FormSchema schema = form("{\"type\":\"textfield\",\"key\":\"t\"},{\"type\":\"checkbox\",\"key\":\"c\"}");
        assertThat(messages(schema, data("t", 5, "c", "yes"))).containsExactly("t: Value must be text.",
                "c: Value must be true or false.");
        assertThat(schema.validate(data("t", "5", "c", false))).isEmpty();
    }

    @Test
    void selectRadioAndChecklistTakeOnlyTheirStaticValues() {
        String values = "\"values\":[{\"label\":\"A\",\"value\":\"a\"},{\"label\":\"B\",\"value\":\"b\"}]";
        FormSchema schema = form("{\"type\":\"select\",\"key\":\"s\"," + values + "},"
                + "{\"type\":\"radio\",\"key\":\"r\"," + values + "},"
                + "{\"type\":\"checklist\",\"key\":\"c\"," + values + "},"
                + "{\"type\":\"taglist\",\"key\":\"t\"," + values + "},"
                + "{\"type\":\"select\",\"key\":\"dyn\",\"valuesKey\":\"options\"}");
        assertThat(messages(schema, data("s", "z", "r", "c", "c", List.of("a", "q"), "t", "a", "dyn", "any")))
                .containsExactly("s: Value must be one of: a, b.", "r: Value must be one of: a, b.",
                        "c: Values q are not among: a, b.", "t: Value must be a list of options.");
        assertThat(schema.validate(data("s", "a", "r", "b", "c", List.of("a", "b"), "t", List.of("b"), "dyn", "any")))
                .isEmpty();
        assertThat(schema.toVariables(data("c", List.of("a", "b")))).containsEntry("c", "[\"a\",\"b\"]");
        assertThat(schema.toData(Map.of("c", "[\"a\",\"b\"]"))).containsEntry("c", List.of("a", "b"));
    }

    @Test
    void datetimeBySubtype() {
        FormSchema schema = form("{\"type\":\"datetime\",\"key\":\"d\",\"subtype\":\"date\"},"
                + "{\"type\":\"datetime\",\"key\":\"t\",\"subtype\":\"time\"},"
                + "{\"type\":\"datetime\",\"key\":\"dt\",\"subtype\":\"datetime\"}");
        assertThat(messages(schema, data("d", "2026-13-01", "t", "25:00", "dt", "tomorrow"))).containsExactly(
                "d: Value must be a date (yyyy-MM-dd).", "t: Value must be a time (HH:mm).",
                "dt: Value must be a date and time (ISO 8601).");
        assertThat(schema.validate(data("d", "2026-11-26", "t", "08:15", "dt", "2026-11-26T08:15:00Z"))).isEmpty();
    }

    @Test
    void unknownKeysAreRefused() {
        FormSchema schema = form("{\"type\":\"textfield\",\"key\":\"a\"}");
        assertThat(schema.validate(data("a", "x", "approved", true)))
                .containsExactly(new FieldError("approved", "Field is not part of this form."));
        assertThat(schema.validate(data("a", "x"))).isEmpty();
    }

    @Test
    void layoutComponentsCarryNoInputAndGroupsAreLookedInto() {
        FormSchema schema = form("{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"spacer\"},{\"type\":\"separator\"},"
                + "{\"type\":\"group\",\"components\":[{\"type\":\"textfield\",\"key\":\"inner\"}]},"
                + "{\"type\":\"textfield\",\"key\":\"off\",\"disabled\":true}");
        assertThat(schema.keys()).containsExactly("inner");
        assertThat(schema.validate(data("off", "x"))).extracting(FieldError::field).containsExactly("off");
    }

    @Test
    void schemasTheServerCannotCheckAreRefused() {
        assertThatThrownBy(() -> FormSchema.parse("not json")).isInstanceOf(FormSchema.InvalidSchemaException.class);
        assertThatThrownBy(() -> FormSchema.parse("{\"type\":\"default\"}"))
                .hasMessageContaining("no components");
        assertThatThrownBy(() -> form("{\"type\":\"filepicker\",\"key\":\"f\"}"))
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> form("{\"type\":\"textfield\"}")).hasMessageContaining("has no key");
        assertThatThrownBy(() -> form("{\"type\":\"textfield\",\"key\":\"a\"},{\"type\":\"number\",\"key\":\"a\"}"))
                .hasMessageContaining("Two fields have the key a");
        assertThatThrownBy(() -> form("{\"type\":\"number\",\"key\":\"a\",\"validate\":{\"min\":\"=limit\"}}"))
                .hasMessageContaining("expression");
        assertThatThrownBy(() -> form("{\"type\":\"textfield\",\"key\":\"a\",\"validate\":{\"pattern\":\"(\"}}"))
                .hasMessageContaining("not a regular expression");
    }
}
