package io.millflow.shared.forms;

import io.millflow.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The form-js form of a user task. Roles: any signed-in user; the inbox's rules apply (403 when not your group's
 * task or your own request, 409 when claimed by someone else or completed).
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class TaskFormController {

    private final TaskForms forms;

    TaskFormController(TaskForms forms) {
        this.forms = forms;
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "The task's form-js schema and current values; 404 when the task has no form")
    TaskForm form(@PathVariable String id) {
        return forms.formOf(id).orElseThrow(() -> new ProblemException.NotFound("Task " + id + " has no form"));
    }

    @PostMapping("/{id}/form")
    @Operation(summary = "Submit the form (JSON object of field values) and complete the task; "
            + "400 invalid-form with errors [{field, message}] when the values break the form's rules")
    ResponseEntity<Void> submit(@PathVariable String id, @RequestBody Map<String, Object> data) {
        forms.submit(id, data);
        return ResponseEntity.noContent().build();
    }
}
