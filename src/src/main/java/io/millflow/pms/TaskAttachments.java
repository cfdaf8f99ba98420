package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to tasks. The bytes live in the file store ({@code ${millflow.data-dir}/attachments/<first two hex
 * digits of the SHA-256>/<id>}), the metadata in {@code task_attachment}. Uploads are limited in size
 * ({@code millflow.pms.attachments.max-size}, 10 MB) and to the types of {@link FileTypes}, recognised by content;
 * refusals are InvalidInput on field {@code file} and leave nothing behind.
 */
@Service
public class TaskAttachments {

    static final String ENTITY = "TaskAttachment";

    /** An attachment's metadata and its bytes. */
    public record Content(AttachmentView attachment, Resource resource) {
    }

    private final TaskAttachmentRepository attachments;
    private final ProjectAccess access;
    private final ProjectEvents events;
    private final AuditService audit;
    private final Clock clock;
    private final Path root;
    private final long maxBytes;

    TaskAttachments(TaskAttachmentRepository attachments, ProjectAccess access, ProjectEvents events,
            AuditService audit, Clock clock, @Value("${millflow.data-dir:./data}") String dataDir,
            @Value("${millflow.pms.attachments.max-size:10MB}") DataSize maxSize) {
        this.attachments = attachments;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.root = Path.of(dataDir, "attachments");
        this.maxBytes = maxSize.toBytes();
    }

    /** The folder the bytes are stored under. */
    public Path storageRoot() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public AttachmentView upload(UUID taskId, String fileName, String contentType, InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return upload(taskId, fileName, contentType, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public AttachmentView upload(UUID taskId, String fileName, String contentType, byte[] bytes) {
        UUID projectId = access.writeTask(taskId);
        String name = fileName(fileName);
        if (bytes == null || bytes.length == 0) {
            throw new ProblemException.InvalidInput("file", "is empty");
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException.InvalidInput("file",
                    "is larger than " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
        }
        if (FileTypes.forbiddenName(name)) {
            throw new ProblemException.InvalidInput("file", "files of type ." + FileTypes.extension(name)
                    + " are not accepted");
        }
        String detected = FileTypes.detect(bytes, name).orElseThrow(() -> new ProblemException.InvalidInput("file",
                "this type of file is not accepted (PDF, images, Office documents, plain text and CSV are)"));
        if (!FileTypes.compatible(contentType, detected)) {
            throw new ProblemException.InvalidInput("file",
                    "the content is " + detected + ", not " + contentType + " as declared");
        }
        String sha = sha256(bytes);
        UUID id = UUID.randomUUID();
        String key = sha.substring(0, 2) + "/" + id;
        String actor = CurrentUser.get().username();
        TaskAttachment a = attachments.saveAndFlush(new TaskAttachment(id, taskId, name, detected, bytes.length, sha,
                key, actor, clock.instant()));
        write(key, bytes);
        AttachmentView view = view(a);
        audit.record(actor, "ATTACHMENT_ADDED", ENTITY, id.toString(), null, view);
        events.changed(projectId, ProjectEvents.TASK, taskId, actor);
        return view;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<AttachmentView> list(UUID taskId) {
        access.readTask(taskId);
        return attachments.findByTaskIdOrderByUploadedAt(taskId).stream().map(TaskAttachments::view).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public Content open(UUID taskId, UUID attachmentId) {
        access.readTask(taskId);
        TaskAttachment a = find(taskId, attachmentId);
        Path file = root.resolve(a.getStorageKey());
        if (!Files.isRegularFile(file)) {
            throw new ProblemException.NotFound("The file of attachment " + a.getFileName() + " is missing");
        }
        return new Content(view(a), new FileSystemResource(file));
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public void delete(UUID taskId, UUID attachmentId) {
        UUID projectId = access.writeTask(taskId);
        TaskAttachment a = find(taskId, attachmentId);
        attachments.delete(a);
        attachments.flush();
        String actor = CurrentUser.get().username();
        audit.record(actor, "ATTACHMENT_DELETED", ENTITY, attachmentId.toString(), view(a), null);
        events.changed(projectId, ProjectEvents.TASK, taskId, actor);
        Path file = root.resolve(a.getStorageKey());
        afterCommit(() -> deleteQuietly(file));
    }

    private TaskAttachment find(UUID taskId, UUID attachmentId) {
        return attachments.findById(attachmentId).filter(a -> a.getTaskId().equals(taskId))
                .orElseThrow(() -> new ProblemException.NotFound("No attachment " + attachmentId));
    }

    /** Writes the bytes (temp file, then move); removes them again if the transaction rolls back. */
    private void write(String key, byte[] bytes) {
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + key, e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphaned file costs disk space only; the row is gone
        }
    }

    private static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new ProblemException.InvalidInput("file", "has no name");
        }
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip().replaceAll("[\\p{Cntrl}\"]", "_");
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            throw new ProblemException.InvalidInput("file", "has no usable name");
        }
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static AttachmentView view(TaskAttachment a) {
        return new AttachmentView(a.getId(), a.getTaskId(), a.getFileName(), a.getContentType(), a.getSizeBytes(),
                a.getSha256(), a.getUploadedBy(), a.getUploadedAt());
    }
}
