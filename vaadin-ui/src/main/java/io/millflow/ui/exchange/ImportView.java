package io.millflow.ui.exchange;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.millflow.exchange.ImportColumn;
import io.millflow.exchange.ImportKind;
import io.millflow.exchange.ImportProblems;
import io.millflow.exchange.Imports;
import io.millflow.exchange.RowError;
import io.millflow.exchange.TableWriter;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The import wizard: choose what to import, download its template, upload a CSV or XLSX file, see the preview
 * (the first rows as they will be written, every error with row, column and message, rows in error marked), then
 * import (enabled only when the preview found no error) and see what was written. Roles: ADMIN, BUYER, WAREHOUSE,
 * MANAGER; each sees the kinds its roles may import ({@link ImportKind#roles()}).
 */
@Route(value = "import", layout = MainLayout.class)
@PageTitle("Import · Millflow")
@RolesAllowed({"ADMIN", "BUYER", "WAREHOUSE", "MANAGER"})
public class ImportView extends VerticalLayout {

    private final Imports imports;
    private final Select<ImportKind> kind = new Select<>();
    private final Anchor csvTemplate = new Anchor();
    private final Anchor xlsxTemplate = new Anchor();
    private final Grid<ImportColumn> columns = new Grid<>(ImportColumn.class, false);
    private final MemoryBuffer buffer = new MemoryBuffer();
    private final Upload upload = new Upload(buffer);
    private final Paragraph summary = new Paragraph();
    private final Grid<Imports.PreviewRow> sample = new Grid<>();
    private final Grid<RowError> errors = new Grid<>(RowError.class, false);
    private final Button commit = new Button("Import", VaadinIcon.UPLOAD.create());
    private final Paragraph result = new Paragraph();
    private byte[] content;
    private String fileName;

    public ImportView(Imports imports) {
        this.imports = imports;
        List<ImportKind> allowed = Arrays.stream(ImportKind.values()).filter(Imports::mayImport).toList();
        kind.setLabel("What to import");
        kind.setId("import-kind");
        kind.setItems(allowed);
        kind.setItemLabelGenerator(ImportKind::label);
        kind.addValueChangeListener(e -> kindChanged());

        csvTemplate.setText("Template (CSV)");
        csvTemplate.setId("template-csv");
        xlsxTemplate.setText("Template (XLSX)");
        xlsxTemplate.setId("template-xlsx");
        for (Anchor a : List.of(csvTemplate, xlsxTemplate)) {
            a.getElement().setAttribute("download", true);
        }
        HorizontalLayout top = new HorizontalLayout(kind, csvTemplate, xlsxTemplate);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        columns.setId("import-columns");
        columns.addColumn(ImportColumn::name).setHeader("Column").setAutoWidth(true);
        columns.addColumn(c -> c.required() ? "required" : "").setHeader("Required").setAutoWidth(true);
        columns.addColumn(ImportColumn::description).setHeader("Meaning").setFlexGrow(3);
        columns.addColumn(c -> String.join(", ", c.aliases())).setHeader("Also accepted (de)").setFlexGrow(1);
        columns.setAllRowsVisible(true);
        Details columnHelp = new Details("Columns of the file", columns);

        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", ".xlsx", ".txt", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize((int) Imports.MAX_BYTES);
        upload.setDropLabel(new Span("Drop a CSV or XLSX file here (up to 10 MB, header row first)"));
        upload.addSucceededListener(e -> uploaded(e.getFileName()));
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));

        summary.setId("import-summary");
        sample.setId("import-preview");
        sample.setAllRowsVisible(false);
        sample.setHeight("320px");
        sample.setClassNameGenerator(r -> r.error() ? "import-error-row" : null);
        errors.setId("import-errors");
        errors.addColumn(RowError::row).setHeader("Row").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        errors.addColumn(RowError::column).setHeader("Column").setAutoWidth(true);
        errors.addColumn(RowError::message).setHeader("Problem").setFlexGrow(3);
        errors.setHeight("240px");
        errors.setVisible(false);
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setEnabled(false);
        commit.addClickListener(e -> commit());
        result.setId("import-result");
        // rows in error are tinted
        getElement().executeJs("const s = document.createElement('style'); s.textContent = "
                + "'vaadin-grid#import-preview::part(import-error-row) { background: var(--lumo-error-color-10pct); }';"
                + " this.appendChild(s);");

        setSizeFull();
        add(new H3("Import"), new Paragraph("Import items, locations, suppliers, supplier prices, opening stock or "
                + "projects from CSV or XLSX. The preview checks every row; the import writes all rows or none."),
                top, columnHelp, upload, summary, errors, sample, commit, result);
        if (!allowed.isEmpty()) {
            kind.setValue(allowed.get(0));
        }
    }

    private void kindChanged() {
        ImportKind k = kind.getValue();
        reset();
        if (k == null) {
            return;
        }
        columns.setItems(k.columns());
        csvTemplate.setHref(template(k, TableWriter.Format.CSV));
        xlsxTemplate.setHref(template(k, TableWriter.Format.XLSX));
        upload.clearFileList();
    }

    private DownloadHandler template(ImportKind k, TableWriter.Format format) {
        byte[] bytes = imports.template(k, format);
        return DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                k.slug() + "-template." + format.extension(), format.contentType(), bytes.length));
    }

    private void reset() {
        content = null;
        fileName = null;
        summary.setText("");
        result.setText("");
        sample.setItems(List.of());
        errors.setItems(List.of());
        errors.setVisible(false);
        commit.setEnabled(false);
    }

    private void uploaded(String name) {
        reset();
        try (InputStream in = buffer.getInputStream()) {
            content = in.readAllBytes();
            fileName = name;
        } catch (IOException e) {
            summary.setText("The file could not be read: " + e.getMessage());
            return;
        }
        // one file at a time: the next upload replaces this one
        upload.clearFileList();
        ImportKind k = kind.getValue();
        try {
            Imports.Preview p = imports.preview(k, fileName, content);
            showPreview(p);
        } catch (RuntimeException e) {
            summary.setText(Problems.message(e));
        }
    }

    private void showPreview(Imports.Preview p) {
        sample.removeAllColumns();
        sample.addColumn(Imports.PreviewRow::row).setHeader("Row").setAutoWidth(true).setFrozen(true);
        for (String c : p.columns()) {
            sample.addColumn(r -> r.values().get(c)).setHeader(c).setAutoWidth(true);
        }
        sample.setItems(p.sample());
        errors.setItems(p.errors());
        errors.setVisible(!p.valid());
        String text = p.fileName() + ": " + p.rows() + " rows, " + (p.valid() ? "no errors" : p.errorCount()
                + (p.errorCount() == 1 ? " error" : " errors") + " (nothing can be imported until the file is fixed)")
                + (p.sample().size() < p.rows() ? "; the first " + p.sample().size() + " rows are shown" : "");
        if (p.alreadyImported()) {
            text += ". This file was imported already; importing it again changes nothing.";
        }
        summary.setText(text);
        commit.setEnabled(p.valid() || p.alreadyImported());
    }

    private void commit() {
        if (content == null) {
            return;
        }
        try {
            Imports.Result r = imports.commit(kind.getValue(), fileName, content);
            result.setText(r.replayed()
                    ? "This file was imported on " + r.importedAt() + " by " + r.importedBy() + " (" + r.created()
                            + " records); nothing was written again."
                    : "Imported " + r.created() + " records from " + r.rows() + " rows of " + r.fileName() + ".");
            commit.setEnabled(false);
        } catch (ImportProblems.Rejected e) {
            errors.setItems(e.errors());
            errors.setVisible(true);
            result.setText("Nothing was imported: " + e.getMessage());
            commit.setEnabled(false);
        } catch (RuntimeException e) {
            result.setText(Problems.message(e));
        }
    }
}
