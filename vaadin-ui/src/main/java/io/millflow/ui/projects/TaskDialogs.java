package io.millflow.ui.projects;

import io.millflow.pms.TaskComments;
import io.millflow.pms.TaskAttachments;
import io.millflow.pms.Tasks;
import io.millflow.pms.TaskView;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Opens task dialogs with the services they need (one per view; the dialogs themselves are plain components). */
@Component
public class TaskDialogs {

    final Tasks tasks;
    final TaskComments comments;
    final TaskAttachments attachments;
    final MaterialPanels materials;
    final DataSize maxAttachment;

    TaskDialogs(Tasks tasks, TaskComments comments, TaskAttachments attachments, MaterialPanels materials,
            @Value("${millflow.pms.attachments.max-size:10MB}") DataSize maxAttachment) {
        this.tasks = tasks;
        this.comments = comments;
        this.attachments = attachments;
        this.materials = materials;
        this.maxAttachment = maxAttachment;
    }

    /** A dialog on an existing task; read-only fields unless {@code writable}. */
    public TaskDialog edit(UUID taskId, boolean writable) {
        return new TaskDialog(this, tasks.get(taskId), null, List.of(), writable);
    }

    /** A dialog for a new task of a project ({@code existing}: possible parents). */
    public TaskDialog create(UUID projectId, List<TaskView> existing) {
        return new TaskDialog(this, null, projectId, existing, true);
    }
}
