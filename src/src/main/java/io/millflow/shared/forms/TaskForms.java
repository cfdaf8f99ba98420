package io.millflow.shared.forms;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.Inbox;
import io.millflow.shared.inbox.InboxTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.operaton.bpm.engine.FormService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User tasks with a form-js form ({@code camunda:formRef}, e.g. {@code bpmn/finance-review.form}): the form with the
 * current values, and its submission, checked on the server against the form's rules ({@link FormSchema}) before the
 * task completes with the data as process variables. Roles: any signed-in user; the inbox's rules apply
 * ({@link Inbox#authorizeWork}: candidate groups, never the requester, 409 when claimed by someone else).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class TaskForms {

    private static final int MAX_SCHEMA = 5 * 1024 * 1024;

    private final Inbox inbox;
    private final TaskService tasks;
    private final FormService forms;
    private final AuditService audit;

    TaskForms(Inbox inbox, TaskService tasks, FormService forms, AuditService audit) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.forms = forms;
        this.audit = audit;
    }

    /** The task's form and the current values of its fields; empty when the task has no form-js form. */
    @Transactional(readOnly = true)
    public Optional<TaskForm> formOf(String taskId) {
        inbox.authorizeWork(taskId);
        Task task = withFormKeys(taskId);
        if (!Inbox.hasLinkedForm(task)) {
            return Optional.empty();
        }
        String json = schemaJson(task);
        FormSchema schema = schema(task, json);
        Map<String, Object> values = tasks.getVariables(taskId, schema.keys());
        return Optional.of(new TaskForm(taskId, formKey(task, schema), json, schema.toData(values)));
    }

    /**
     * Completes the task with the form's data: 400 {@code invalid-form} with {@code errors} [{field, message}] when
     * the data breaks the form's rules (unknown keys included) and the task stays open; 404 when the task has no form.
     * Completion and the audit record ({@code TASK_FORM_SUBMITTED}) commit together.
     */
    @Transactional
    public void submit(String taskId, Map<String, Object> data) {
        CurrentUser user = CurrentUser.get();
        InboxTask described = inbox.authorizeWork(taskId);
        Task task = withFormKeys(taskId);
        if (!Inbox.hasLinkedForm(task)) {
            throw new ProblemException.NotFound("Task " + taskId + " has no form; approve or reject it instead");
        }
        if (data == null) {
            throw new ProblemException.InvalidInput("data", "must be a JSON object of field values");
        }
        String json = schemaJson(task);
        FormSchema schema = schema(task, json);
        List<FormSchema.FieldError> errors = schema.validate(data);
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors);
        }
        Map<String, Object> variables = schema.toVariables(data);
        if (task.getAssignee() == null) {
            tasks.setAssignee(taskId, user.username());
        }
        tasks.complete(taskId, variables);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", task.getName());
        before.put("processKey", described.processKey());
        before.put("businessKey", described.businessKey());
        before.put("state", "OPEN");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("form", formKey(task, schema));
        after.put("data", variables);
        after.put("completedBy", user.username());
        audit.record(user.username(), "TASK_FORM_SUBMITTED", "Task", taskId, before, after);
    }

    private Task withFormKeys(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    }

    private String schemaJson(Task task) {
        try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
            byte[] bytes = in.readNBytes(MAX_SCHEMA + 1);
            if (bytes.length > MAX_SCHEMA) {
                throw new ProblemException.Conflict("The form of task " + task.getId() + " is larger than 5 MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (ProcessEngineException e) {
            throw new ProblemException.Conflict("The form " + formName(task) + " of task " + task.getId()
                    + " is not deployed; a process owner must deploy it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormSchema schema(Task task, String json) {
        try {
            return FormSchema.parse(json);
        } catch (FormSchema.InvalidSchemaException e) {
            throw new ProblemException.Conflict("The form " + formName(task) + " cannot be checked on the server: "
                    + e.getMessage());
        }
    }

    private static String formKey(Task task, FormSchema schema) {
        if (task.getOperatonFormRef() != null) {
            return task.getOperatonFormRef().getKey();
        }
        return schema.id() != null ? schema.id() : task.getFormKey();
    }

    private static String formName(Task task) {
        return task.getOperatonFormRef() != null ? task.getOperatonFormRef().getKey() : task.getFormKey();
    }
}
