package io.millflow.pms;

import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Tasks, their board moves, schedule, history, comments and attachments, and "my tasks". Roles: members of the
 * task's project (and MANAGER, ADMIN) read; members with project role MANAGER or MEMBER (and MANAGER, ADMIN) change;
 * VIEWER members get 403 on changes; a task of a project the caller cannot see answers 404.
 */
@RestController
@Tag(name = "Tasks")
class TaskController {

    /** Board move: target column and position in it (0 = top). */
    record MoveCommand(TaskStatus status, Integer boardRank) {
    }

    /** New dates of a task (end defaults to keeping the duration). */
    record RescheduleCommand(LocalDate startDate, LocalDate endDate) {
    }

    record CommentCommand(String body) {
    }

    private final Tasks tasks;
    private final TaskComments comments;
    private final TaskAttachments attachments;

    TaskController(Tasks tasks, TaskComments comments, TaskAttachments attachments) {
        this.tasks = tasks;
        this.comments = comments;
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/project-tasks/{id}")
    @Operation(summary = "One task")
    TaskView get(@PathVariable UUID id) {
        return tasks.get(id);
    }

    @PutMapping("/api/v1/project-tasks/{id}")
    @Operation(summary = "Change a task: null fields keep their value, an empty description or assignee clears it")
    TaskView update(@PathVariable UUID id, @RequestBody TaskCommand body) {
        return tasks.update(id, body);
    }

    @PatchMapping("/api/v1/project-tasks/{id}")
    @Operation(summary = "Same as PUT: change the fields that are given")
    TaskView patch(@PathVariable UUID id, @RequestBody TaskCommand body) {
        return tasks.update(id, body);
    }

    @PostMapping("/api/v1/project-tasks/{id}/move")
    @Operation(summary = "Move on the board; DONE on a task that needs approval puts it IN_REVIEW (approval PENDING)")
    TaskView move(@PathVariable UUID id, @RequestBody MoveCommand body) {
        return tasks.move(id, body.status(), body.boardRank() == null ? Integer.MAX_VALUE : body.boardRank());
    }

    @PostMapping("/api/v1/project-tasks/{id}/schedule")
    @Operation(summary = "New dates; successors are pushed forward as their dependencies need; returns every changed task")
    List<TaskView> reschedule(@PathVariable UUID id, @RequestBody RescheduleCommand body) {
        return tasks.reschedule(id, body.startDate(), body.endDate());
    }

    @GetMapping("/api/v1/project-tasks/{id}/history")
    @Operation(summary = "Every change of the task, field by field, oldest first")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return tasks.history(id);
    }

    @GetMapping("/api/v1/project-tasks/{id}/comments")
    @Operation(summary = "Comments on the task, oldest first")
    List<CommentView> comments(@PathVariable UUID id) {
        return comments.list(id);
    }

    @PostMapping("/api/v1/project-tasks/{id}/comments")
    @Operation(summary = "Comment on the task; @username mentions of known users are recorded")
    ResponseEntity<CommentView> comment(@PathVariable UUID id, @RequestBody CommentCommand body) {
        return ResponseEntity.status(201).body(comments.add(id, body.body()));
    }

    @GetMapping("/api/v1/project-tasks/{id}/attachments")
    @Operation(summary = "Files attached to the task")
    List<AttachmentView> attachments(@PathVariable UUID id) {
        return attachments.list(id);
    }

    @PostMapping(path = "/api/v1/project-tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (part 'file'): at most 10 MB; PDF, images, Office documents, text, CSV by content")
    ResponseEntity<AttachmentView> upload(@PathVariable UUID id, @RequestPart(name = "file", required = false)
            MultipartFile file) {
        if (file == null) {
            throw new ProblemException.InvalidInput("file", "is required (multipart part 'file')");
        }
        if (file.getSize() > attachments.maxBytes()) {
            attachments.list(id); // 404 for a hidden task before telling the size
            throw new ProblemException.InvalidInput("file", "is larger than "
                    + attachments.maxBytes() / (1024 * 1024) + " MB");
        }
        try {
            AttachmentView a = attachments.upload(id, file.getOriginalFilename(), file.getContentType(),
                    file.getBytes());
            return ResponseEntity.created(URI.create("/api/v1/project-tasks/" + id + "/attachments/" + a.id())).body(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/project-tasks/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<Resource> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        TaskAttachments.Content c = attachments.open(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.attachment().contentType()))
                .contentLength(c.attachment().sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.resource());
    }

    @DeleteMapping("/api/v1/project-tasks/{id}/attachments/{attachmentId}")
    @Operation(summary = "Remove an attachment")
    ResponseEntity<Void> deleteAttachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        attachments.delete(id, attachmentId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/tasks")
    @Operation(summary = "Tasks assigned to me in projects I can see, by end date; paged")
    PageView<TaskView> myTasks(@RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return tasks.myTasks(status, page, size);
    }
}
