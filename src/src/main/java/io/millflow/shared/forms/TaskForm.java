package io.millflow.shared.forms;

import java.util.Map;

/** The form-js form of an open user task: its key ({@code camunda:formRef}), the schema JSON and the current values. */
public record TaskForm(String taskId, String formKey, String schemaJson, Map<String, Object> data) {
}
