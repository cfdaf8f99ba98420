package io.millflow.ui.projects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;
import io.millflow.pms.AttachmentView;
import io.millflow.ui.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * A task's attachments: download links, and an upload (Vaadin Upload) with the limits shown; the service checks
 * size and type by content and its refusal is shown under the upload.
 */
class AttachmentsPanel extends VerticalLayout {

    /** The types the service accepts (recognised by content, see FileTypes in pms). */
    static final String[] ACCEPTED = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".docx", ".xlsx", ".pptx",
            ".odt", ".ods", ".zip", ".txt", ".csv", ".md", ".log"};

    private final TaskDialogs services;
    private final UUID taskId;
    private final boolean writable;
    private final Div list = new Div();
    private final Span error = new Span();

    @SuppressWarnings("deprecation")
    AttachmentsPanel(TaskDialogs services, UUID taskId, boolean writable) {
        this.services = services;
        this.taskId = taskId;
        this.writable = writable;
        setPadding(false);
        list.setId("task-attachments");
        list.setWidthFull();
        add(list);
        if (writable) {
            long max = services.attachments.maxBytes();
            MemoryBuffer buffer = new MemoryBuffer();
            Upload upload = new Upload(buffer);
            upload.setId("attachment-upload");
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
            upload.setAcceptedFileTypes(ACCEPTED);
            upload.setDropLabel(new Span("Drop a file here (up to " + megabytes(max) + ")"));
            upload.addSucceededListener(e -> {
                try {
                    services.attachments.upload(taskId, e.getFileName(), e.getMIMEType(), buffer.getInputStream());
                    error.setText("");
                    upload.clearFileList();
                    reload();
                } catch (RuntimeException ex) {
                    error.setText(Problems.message(ex));
                }
            });
            upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
            Paragraph limits = new Paragraph("Up to " + megabytes(max) + " per file; PDF, images (PNG, JPEG, GIF, WebP),"
                    + " Office and OpenDocument files, ZIP, plain text and CSV.");
            limits.setId("attachment-limits");
            limits.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            error.setId("attachment-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(upload, limits, error);
        }
        reload();
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    @SuppressWarnings("deprecation")
    void reload() {
        list.removeAll();
        List<AttachmentView> files = services.attachments.list(taskId);
        if (files.isEmpty()) {
            list.add(new Paragraph("No attachments."));
        }
        for (AttachmentView a : files) {
            StreamResource resource = new StreamResource(a.fileName(), () -> {
                try {
                    return services.attachments.open(taskId, a.id()).resource().getInputStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            resource.setContentType(a.contentType());
            Anchor link = new Anchor(resource, a.fileName());
            link.getElement().setAttribute("download", true);
            link.addClassName("attachment");
            link.getElement().setAttribute("data-file", a.fileName());
            Span facts = new Span(" · " + (a.sizeBytes() < 1024 ? a.sizeBytes() + " B" : (a.sizeBytes() / 1024) + " KB")
                    + " · " + a.uploadedBy() + " · " + TaskDialog.WHEN.format(a.uploadedAt()));
            facts.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Div row = new Div(link, facts);
            if (writable) {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                    try {
                        services.attachments.delete(taskId, a.id());
                        reload();
                    } catch (RuntimeException ex) {
                        Problems.show(ex);
                    }
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                delete.setAriaLabel("Delete " + a.fileName());
                row.add(delete);
            }
            list.add(row);
        }
    }
}
