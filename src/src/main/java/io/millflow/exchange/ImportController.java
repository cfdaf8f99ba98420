package io.millflow.exchange;

import io.millflow.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import of CSV/XLSX files: {@code GET /api/v1/imports} (the kinds and their columns), {@code GET
 * /api/v1/imports/{kind}/template?format=csv|xlsx}, {@code POST /api/v1/imports/{kind}/preview} and {@code POST
 * /api/v1/imports/{kind}} (multipart part {@code file}). Roles: per kind (items, locations: ADMIN; suppliers,
 * supplier-prices: BUYER, ADMIN; opening-stock: WAREHOUSE; projects: MANAGER, ADMIN), others get 403. Errors are
 * RFC 7807 problems: {@code import-rejected} (422, with {@code errors}: row, column, message), {@code
 * file-too-large} (413), {@code unreadable-file} (400).
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportController {

    static final String IMPORTERS = "hasAnyRole('ADMIN','BUYER','WAREHOUSE','MANAGER')";

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    record KindView(String kind, String label, List<String> roles, List<ImportColumn> columns) {
    }

    @GetMapping
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "The kinds that can be imported, their columns and roles")
    List<KindView> kinds() {
        return Arrays.stream(ImportKind.values()).map(k -> new KindView(k.slug(), k.label(),
                k.roles().stream().sorted().toList(), k.columns())).toList();
    }

    @GetMapping("/{kind}/template")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "An empty file with the header row and one example row")
    ResponseEntity<byte[]> template(@PathVariable String kind, @RequestParam(defaultValue = "csv") String format) {
        ImportKind k = ImportKind.of(kind);
        Imports.checkAllowed(k);
        TableWriter.Format f = TableWriter.Format.of(format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(k.slug() + "-template." + f.extension()).build().toString())
                .body(imports.template(k, f));
    }

    @PostMapping(value = "/{kind}/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Checks a file without writing: row errors and the first rows as they would be written")
    Imports.Preview preview(@PathVariable String kind, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        ImportKind k = ImportKind.of(kind);
        return imports.preview(k, name(file), bytes(file));
    }

    @PostMapping(value = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Imports a file, all rows or none (422 import-rejected lists the errors)")
    ResponseEntity<Imports.Result> commit(@PathVariable String kind,
            @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        ImportKind k = ImportKind.of(kind);
        Imports.Result r = imports.commit(k, name(file), bytes(file));
        return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(r.replayed())).body(r);
    }

    @GetMapping("/history")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "The latest imports")
    List<Imports.Result> history(@RequestParam(defaultValue = "50") int limit) {
        return imports.history(limit);
    }

    private static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ProblemException.InvalidInput("file", "is required (multipart part 'file')");
        }
        if (file.getSize() > Imports.MAX_BYTES) {
            throw new ImportProblems.FileTooLarge(file.getSize(), Imports.MAX_BYTES);
        }
        return file.getBytes();
    }

}
