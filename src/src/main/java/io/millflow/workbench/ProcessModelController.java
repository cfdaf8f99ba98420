package io.millflow.workbench;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.millflow.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Process models (BPMN, DMN, forms) for process owners: list, versions, export, diff, checks, drafts, deploy,
 * restore. Roles: PROCESS_OWNER and ADMIN (checked by {@link ProcessModels}); errors are RFC 7807 problems
 * ({@code invalid-model}, {@code model-too-large}, {@code model-rejected} with {@code problems}, {@code stale-draft}).
 */
@RestController
@RequestMapping("/api/v1/process-models")
@Tag(name = "Process models")
class ProcessModelController {

    private final ProcessModels models;

    ProcessModelController(ProcessModels models) {
        this.models = models;
    }

    record DraftCommand(String kind, @JsonAlias("content") String xml, Long expectedVersion) {
    }

    record DeployCommand(String comment) {
    }

    @GetMapping
    @Operation(summary = "Every deployed process, decision and form, and keys with drafts only")
    List<ModelSummary> list() {
        return models.list();
    }

    @GetMapping("/lint-context")
    @Operation(summary = "Topics, roles, decisions and forms the checks know")
    LintContext lintContext() {
        return models.lintContext();
    }

    @GetMapping("/{kind}/{key}/versions")
    @Operation(summary = "Deployed versions, newest first, with who deployed them")
    List<DeployedVersion> versions(@PathVariable String kind, @PathVariable String key) {
        return models.versions(kind(kind), key);
    }

    @GetMapping("/{kind}/{key}/versions/{version}")
    @Operation(summary = "The deployed model of one version as a file (export)")
    ResponseEntity<byte[]> export(@PathVariable String kind, @PathVariable String key, @PathVariable int version) {
        ModelKind k = kind(kind);
        String content = models.content(k, key, version);
        return ResponseEntity.ok()
                .contentType(k == ModelKind.FORM ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(k.fileName(key)).build().toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{kind}/{key}/versions/{version}/drafts")
    @Operation(summary = "A new draft from a deployed version")
    ResponseEntity<ModelDraftView> openVersion(@PathVariable String kind, @PathVariable String key,
            @PathVariable int version) {
        ModelDraftView d = models.openVersion(kind(kind), key, version);
        return ResponseEntity.created(URI.create("/api/v1/process-models/drafts/" + d.id())).body(d);
    }

    @GetMapping("/{kind}/{key}/diff")
    @Operation(summary = "Elements added, removed and changed between two versions")
    ModelDiff diff(@PathVariable String kind, @PathVariable String key, @RequestParam int from,
            @RequestParam int to) {
        return models.diff(kind(kind), key, from, to);
    }

    @PostMapping("/{kind}/{key}/restore")
    @Operation(summary = "Deploy the model shipped in bpmn/ as a new version")
    DeployedVersion restore(@PathVariable String kind, @PathVariable String key) {
        return models.restoreInstalled(kind(kind), key);
    }

    @PostMapping("/check")
    @Operation(summary = "Run the server's checks on a model (raw XML or JSON body); 200 with the problems")
    CheckReport check(@RequestBody byte[] body, @RequestParam(required = false) String kind) {
        return models.check(kind == null ? null : kind(kind), body);
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Deploy an uploaded .bpmn, .dmn or .form file; 400 model-rejected while errors stand")
    ResponseEntity<DeployedVersion> deployFile(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String comment) throws IOException {
        DeployedVersion v = models.deployFile(file.getOriginalFilename(), file.getBytes(), comment);
        return ResponseEntity.created(URI.create("/api/v1/process-models/" + v.kind().name().toLowerCase() + "/"
                + v.key() + "/versions/" + v.version())).body(v);
    }

    @GetMapping("/drafts")
    @Operation(summary = "Drafts of a key (all without key), newest first")
    List<ModelDraftView> drafts(@RequestParam(required = false) String key) {
        return models.drafts(key);
    }

    @PostMapping("/drafts")
    @Operation(summary = "Save a new draft")
    ResponseEntity<ModelDraftView> createDraft(@RequestBody DraftCommand body) {
        ModelDraftView d = models.saveDraft(null, body.kind() == null ? null : kind(body.kind()), body.xml(), null);
        return ResponseEntity.created(URI.create("/api/v1/process-models/drafts/" + d.id())).body(d);
    }

    @GetMapping("/drafts/{id}")
    ModelDraftView draft(@PathVariable UUID id) {
        return models.draft(id);
    }

    @PutMapping("/drafts/{id}")
    @Operation(summary = "Change a draft; 409 stale-draft when expectedVersion is not the draft's version")
    ModelDraftView updateDraft(@PathVariable UUID id, @RequestBody DraftCommand body) {
        return models.saveDraft(id, body.kind() == null ? null : kind(body.kind()), body.xml(),
                body.expectedVersion());
    }

    @DeleteMapping("/drafts/{id}")
    ResponseEntity<Void> deleteDraft(@PathVariable UUID id) {
        models.deleteDraft(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/drafts/{id}/deploy")
    @Operation(summary = "Deploy a draft as a new version; 400 model-rejected while errors stand")
    ResponseEntity<DeployedVersion> deployDraft(@PathVariable UUID id,
            @RequestBody(required = false) DeployCommand body) {
        DeployedVersion v = models.deploy(id, body == null ? null : body.comment());
        return ResponseEntity.status(201).body(v);
    }

    private static ModelKind kind(String text) {
        ModelKind k = ModelKind.parse(text);
        if (k == null) {
            throw new ProblemException.NotFound("No model kind " + text + "; kinds are bpmn, dmn and form");
        }
        return k;
    }
}
