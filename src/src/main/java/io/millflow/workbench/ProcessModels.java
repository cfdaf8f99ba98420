package io.millflow.workbench;

import io.millflow.audit.AuditService;
import io.millflow.processes.Roles;
import io.millflow.processes.Topics;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process models for process owners: drafts, checks, deployment as a new engine version, versions with who deployed
 * them, content (export), differences, restore of the model shipped in {@code bpmn/}. PROCESS_OWNER and ADMIN only;
 * every change is audited.
 */
@Service
@PreAuthorize(ProcessModels.OWNERS)
public class ProcessModels {

    static final String OWNERS = "hasAnyRole('PROCESS_OWNER','ADMIN')";
    static final String ENTITY = "ProcessModel";
    static final String DRAFT_ENTITY = "ProcessModelDraft";
    static final String DEPLOYMENT_SOURCE = "millflow-workbench";

    private final RepositoryService repository;
    private final ModelDraftRepository drafts;
    private final ModelDeploymentRepository deployments;
    private final AuditService audit;
    private final RefusalLog refusals;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProcessModels(RepositoryService repository, ModelDraftRepository drafts, ModelDeploymentRepository deployments,
            AuditService audit, RefusalLog refusals, JdbcTemplate jdbc, Clock clock) {
        this.repository = repository;
        this.drafts = drafts;
        this.deployments = deployments;
        this.audit = audit;
        this.refusals = refusals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A deployed definition of any kind, as the engine knows it. */
    record Definition(ModelKind kind, String key, String name, int version, String id, String deploymentId,
            String resourceName, Integer historyTimeToLive) {
    }

    // list, drafts ////////////////////////////////////////////////////////////

    /** Every deployed key (processes, decisions, forms) and every key that has only drafts. */
    @Transactional(readOnly = true)
    public List<ModelSummary> list() {
        List<Definition> latest = new ArrayList<>();
        repository.createProcessDefinitionQuery().latestVersion().list().forEach(p -> latest.add(of(p)));
        repository.createDecisionDefinitionQuery().latestVersion().list().forEach(d -> latest.add(of(d)));
        latest.addAll(formDefinitions(null).stream()
                .collect(Collectors.toMap(Definition::key, d -> d, (a, b) -> a.version() >= b.version() ? a : b,
                        LinkedHashMap::new)).values());
        Map<String, Long> draftCounts = new HashMap<>();
        Map<String, ModelDraft> draftOnly = new TreeMap<>();
        for (ModelDraft d : drafts.findAllByOrderByUpdatedAtDesc()) {
            draftCounts.merge(d.getKind() + ":" + d.getKey(), 1L, Long::sum);
            draftOnly.putIfAbsent(d.getKind() + ":" + d.getKey(), d);
        }
        Map<String, Deployment> byId = deploymentsOf(latest.stream().map(Definition::deploymentId).toList());
        Map<String, ModelDeployment> records = recordsOf(latest.stream().map(Definition::deploymentId).toList());
        List<ModelSummary> out = new ArrayList<>();
        for (Definition d : latest) {
            String k = d.kind() + ":" + d.key();
            draftOnly.remove(k);
            Deployment dep = byId.get(d.deploymentId());
            ModelDeployment rec = records.get(d.deploymentId());
            out.add(new ModelSummary(d.kind(), d.key(), d.name(), d.version(),
                    dep == null || dep.getDeploymentTime() == null ? null : dep.getDeploymentTime().toInstant(),
                    rec == null ? "system" : rec.getDeployedBy(), draftCounts.getOrDefault(k, 0L).intValue()));
        }
        for (ModelDraft d : draftOnly.values()) {
            out.add(new ModelSummary(d.getKind(), d.getKey(), d.view().name(), null, null, null,
                    draftCounts.get(d.getKind() + ":" + d.getKey()).intValue()));
        }
        out.sort(Comparator.comparing(ModelSummary::kind).thenComparing(ModelSummary::key));
        return out;
    }

    /** Drafts of a key (all drafts when key is null), newest first. */
    @Transactional(readOnly = true)
    public List<ModelDraftView> drafts(String key) {
        List<ModelDraft> list = key == null || key.isBlank() ? drafts.findAllByOrderByUpdatedAtDesc()
                : drafts.findByKeyOrderByUpdatedAtDesc(key.strip());
        return list.stream().map(ModelDraft::view).toList();
    }

    @Transactional(readOnly = true)
    public ModelDraftView draft(UUID id) {
        return find(id).view();
    }

    /**
     * Creates ({@code id} null) or changes a draft. The content must be a readable model of the draft's kind (400
     * otherwise); lint problems do not stop a save. A stale {@code expectedVersion} is 409 {@code stale-draft}.
     */
    @Transactional
    public ModelDraftView saveDraft(UUID id, ModelKind kind, String content, Long expectedVersion) {
        String actor = CurrentUser.get().username();
        byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        ModelDraft draft;
        Map<String, Object> before = null;
        if (id == null) {
            ModelChecks.ParsedModel model = ModelChecks.read(kind, bytes);
            draft = new ModelDraft(model.kind(), latestVersion(model.kind(), model.key()), actor, clock.instant());
            draft.update(model.key(), model.name(), content, actor, clock.instant());
        } else {
            draft = find(id);
            if (kind != null && kind != draft.getKind()) {
                throw new ModelErrors.InvalidModel("The draft is a " + draft.getKind() + " model, not " + kind);
            }
            if (expectedVersion != null && expectedVersion != draft.getVersion()) {
                throw new ModelErrors.StaleDraft("The draft was saved by " + draft.getUpdatedBy() + " at "
                        + draft.getUpdatedAt() + " (version " + draft.getVersion() + ", you have " + expectedVersion
                        + "); reload it and apply your change again");
            }
            ModelChecks.ParsedModel model = ModelChecks.read(draft.getKind(), bytes);
            before = snapshot(draft.view());
            draft.update(model.key(), model.name(), content, actor, clock.instant());
        }
        drafts.saveAndFlush(draft);
        ModelDraftView view = draft.view();
        audit.record(actor, "PROCESS_DRAFT_SAVED", DRAFT_ENTITY, view.id().toString(),
                before, snapshot(view));
        return view;
    }

    /** A new draft holding a deployed version. */
    @Transactional
    public ModelDraftView openVersion(ModelKind kind, String key, int version) {
        String actor = CurrentUser.get().username();
        String content = contentOf(definition(kind, key, version));
        ModelChecks.ParsedModel model = ModelChecks.read(kind, content.getBytes(StandardCharsets.UTF_8));
        ModelDraft draft = new ModelDraft(kind, version, actor, clock.instant());
        draft.update(model.key(), model.name(), content, actor, clock.instant());
        drafts.saveAndFlush(draft);
        ModelDraftView view = draft.view();
        audit.record(actor, "PROCESS_DRAFT_SAVED", DRAFT_ENTITY, view.id().toString(), null, snapshot(view));
        return view;
    }

    @Transactional
    public void deleteDraft(UUID id) {
        ModelDraft draft = find(id);
        drafts.delete(draft);
        audit.record(CurrentUser.get().username(), "PROCESS_DRAFT_DELETED", DRAFT_ENTITY, id.toString(),
                snapshot(draft.view()), null);
    }

    // checks, deploy ////////////////////////////////////////////////////////////

    /** The server's checks; model problems are in the report, unreadable input is 400/413. */
    @Transactional(readOnly = true)
    public CheckReport check(ModelKind kind, String content) {
        return check(kind, content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(readOnly = true)
    public CheckReport check(ModelKind kind, byte[] content) {
        return ModelChecks.check(kind, content, catalog());
    }

    /** Deploys a draft as a new version; 400 {@code model-rejected} (with {@code problems}) while any error stands. */
    @Transactional
    public DeployedVersion deploy(UUID draftId, String comment) {
        ModelDraft draft = find(draftId);
        DeployedVersion deployed = deployChecked(draft.getKind(), draft.getContent().getBytes(StandardCharsets.UTF_8),
                comment, draftId, draft.getKey());
        draft.deployedAs(deployed.version());
        return deployed;
    }

    /** Deploys an uploaded file; the kind comes from the extension or, without one, from the root element. */
    @Transactional
    public DeployedVersion deployFile(String fileName, byte[] content, String comment) {
        ModelKind kind = ModelKind.ofFileName(fileName);
        return deployChecked(kind, content, comment, null, fileName);
    }

    private DeployedVersion deployChecked(ModelKind kind, byte[] content, String comment, UUID draftId,
            String subject) {
        String actor = CurrentUser.get().username();
        if (comment != null && comment.length() > 2000) {
            throw new ProblemException.InvalidInput("comment", "is longer than 2000 characters");
        }
        CheckReport report;
        try {
            report = check(kind, content);
        } catch (ProblemException e) {
            refusals.refused(actor, subject == null ? "unknown" : subject, refusedWhat(kind, draftId, comment),
                    Map.of("type", e.type(), "detail", String.valueOf(e.getMessage())));
            throw e;
        }
        if (report.hasErrors()) {
            refusals.refused(actor, report.key(), refusedWhat(report.kind(), draftId, comment),
                    Map.of("type", "model-rejected", "problems", report.errors()));
            throw new ModelErrors.ModelRejected(report);
        }
        try {
            return deployContent(report.kind(), report.key(), content, comment, draftId, DeployedVersion.WORKBENCH,
                    actor, "PROCESS_DEPLOYED");
        } catch (ModelErrors.InvalidModel e) {
            refusals.refused(actor, report.key(), refusedWhat(report.kind(), draftId, comment),
                    Map.of("type", e.type(), "detail", String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private static Map<String, Object> refusedWhat(ModelKind kind, UUID draftId, String comment) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("kind", kind == null ? null : kind.name());
        what.put("draftId", draftId);
        what.put("comment", comment);
        return what;
    }

    private DeployedVersion deployContent(ModelKind kind, String key, byte[] content, String comment, UUID draftId,
            String source, String actor, String action) {
        DeploymentWithDefinitions deployment;
        try {
            deployment = repository.createDeployment().name("workbench:" + key).source(DEPLOYMENT_SOURCE)
                    .addInputStream(kind.fileName(key), new ByteArrayInputStream(content)).deployWithResult();
        } catch (ProcessEngineException e) {
            throw new ModelErrors.InvalidModel("The engine refused the model: " + firstLine(e.getMessage()));
        }
        Definition d = switch (kind) {
            case BPMN -> deployment.getDeployedProcessDefinitions() == null ? null
                    : deployment.getDeployedProcessDefinitions().stream().filter(p -> key.equals(p.getKey()))
                            .findFirst().map(ProcessModels::of).orElse(null);
            case DMN -> deployment.getDeployedDecisionDefinitions() == null ? null
                    : deployment.getDeployedDecisionDefinitions().stream().filter(p -> key.equals(p.getKey()))
                            .findFirst().map(ProcessModels::of).orElse(null);
            case FORM -> formDefinitions(key).stream().filter(f -> f.deploymentId().equals(deployment.getId()))
                    .findFirst().orElse(null);
        };
        if (d == null) {
            throw new ModelErrors.InvalidModel("The engine deployed no " + kind + " definition with key " + key
                    + " (is the process executable?)");
        }
        Instant at = deployment.getDeploymentTime() == null ? clock.instant()
                : deployment.getDeploymentTime().toInstant();
        deployments.save(new ModelDeployment(deployment.getId(), d.id(), kind, key, d.version(), source, actor, at,
                comment, draftId));
        DeployedVersion v = new DeployedVersion(kind, key, d.version(), d.id(), deployment.getId(), actor, at, source,
                comment, d.historyTimeToLive());
        audit.record(actor, action, ENTITY, key, null, v);
        return v;
    }

    /** Deploys {@code bpmn/<key>.<ext>} from the class path as a new version (source INSTALLED). */
    @Transactional
    public DeployedVersion restoreInstalled(ModelKind kind, String key) {
        String file = "bpmn/" + kind.fileName(key);
        Resource resource = new ClassPathResource(file);
        if (!resource.exists()) {
            throw new ProblemException.NotFound("No model " + file + " is shipped with the application");
        }
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return deployContent(kind, key, content, "Restored from " + file, null, DeployedVersion.INSTALLED,
                CurrentUser.get().username(), "PROCESS_RESTORED");
    }

    // versions, content, diff ////////////////////////////////////////////////////

    /** Deployed versions of a key, newest first. */
    @Transactional(readOnly = true)
    public List<DeployedVersion> versions(ModelKind kind, String key) {
        List<Definition> defs = definitions(kind, key);
        Map<String, Deployment> byId = deploymentsOf(defs.stream().map(Definition::deploymentId).toList());
        Map<String, ModelDeployment> records = recordsOf(defs.stream().map(Definition::deploymentId).toList());
        List<DeployedVersion> out = new ArrayList<>();
        for (Definition d : defs) {
            Deployment dep = byId.get(d.deploymentId());
            ModelDeployment rec = records.get(d.deploymentId());
            Instant at = rec != null ? rec.getDeployedAt()
                    : dep == null || dep.getDeploymentTime() == null ? null : dep.getDeploymentTime().toInstant();
            out.add(new DeployedVersion(kind, key, d.version(), d.id(), d.deploymentId(),
                    rec == null ? "system" : rec.getDeployedBy(), at,
                    rec == null ? DeployedVersion.INSTALLED : rec.getSource(), rec == null ? null : rec.getComment(),
                    d.historyTimeToLive()));
        }
        return out;
    }

    /** The deployed XML (BPMN, DMN) or JSON (form) of one version. */
    @Transactional(readOnly = true)
    public String content(ModelKind kind, String key, int version) {
        return contentOf(definition(kind, key, version));
    }

    @Transactional(readOnly = true)
    public ModelDiff diff(ModelKind kind, String key, int fromVersion, int toVersion) {
        String before = contentOf(definition(kind, key, fromVersion));
        String after = contentOf(definition(kind, key, toVersion));
        return ModelDiffer.diff(kind, key, fromVersion, toVersion, before, after);
    }

    /** Topics, roles, deployed decisions, deployed or shipped forms: what the browser linter needs. */
    @Transactional(readOnly = true)
    public LintContext lintContext() {
        Set<String> decisions = new LinkedHashSet<>();
        repository.createDecisionDefinitionQuery().latestVersion().list().forEach(d -> decisions.add(d.getKey()));
        Set<String> forms = new LinkedHashSet<>();
        formDefinitions(null).forEach(f -> forms.add(f.key()));
        forms.addAll(shippedForms().keySet());
        return new LintContext(Topics.all().stream().sorted().toList(), Roles.ALL,
                decisions.stream().sorted().toList(), forms.stream().sorted().toList());
    }

    // helpers ///////////////////////////////////////////////////////////////////

    private ModelChecks.Catalog catalog() {
        LintContext context = lintContext();
        return new ModelChecks.Catalog() {
            @Override
            public LintContext context() {
                return context;
            }

            @Override
            public List<String> decisionInputs(String decisionKey) {
                DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                        .latestVersion().singleResult();
                if (d == null) {
                    return null;
                }
                return ModelChecks.decisionInputs(contentOf(of(d)).getBytes(StandardCharsets.UTF_8), decisionKey);
            }

            @Override
            public List<String> formFields(String formKey) {
                List<Definition> forms = formDefinitions(formKey);
                if (!forms.isEmpty()) {
                    return ModelChecks.formFieldKeys(contentOf(forms.get(0)));
                }
                String shipped = shippedForms().get(formKey);
                return shipped == null ? List.of() : ModelChecks.formFieldKeys(shipped);
            }
        };
    }

    /** Forms in {@code bpmn/*.form} on the class path, by file name without extension. */
    private static Map<String, String> shippedForms() {
        Map<String, String> out = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.form")) {
                String name = r.getFilename();
                if (name == null) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    out.put(name.substring(0, name.length() - ".form".length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list bpmn/*.form", e);
        }
        return out;
    }

    private ModelDraft find(UUID id) {
        return drafts.findById(id).orElseThrow(() -> new ProblemException.NotFound("No draft " + id));
    }

    private static Map<String, Object> snapshot(ModelDraftView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", v.kind());
        s.put("key", v.key());
        s.put("name", v.name());
        s.put("baseVersion", v.baseVersion());
        s.put("version", v.version());
        s.put("bytes", v.xml() == null ? 0 : v.xml().getBytes(StandardCharsets.UTF_8).length);
        return s;
    }

    private Integer latestVersion(ModelKind kind, String key) {
        List<Definition> defs = definitions(kind, key);
        return defs.isEmpty() ? null : defs.get(0).version();
    }

    private Definition definition(ModelKind kind, String key, int version) {
        return definitions(kind, key).stream().filter(d -> d.version() == version).findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No version " + version + " of " + kind + " " + key));
    }

    /** All versions of a key, newest first. */
    private List<Definition> definitions(ModelKind kind, String key) {
        return switch (kind) {
            case BPMN -> repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .orderByProcessDefinitionVersion().desc().list().stream().map(ProcessModels::of).toList();
            case DMN -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .orderByDecisionDefinitionVersion().desc().list().stream().map(ProcessModels::of).toList();
            case FORM -> formDefinitions(key);
        };
    }

    /** Form definitions (the engine has no public query for them), newest first; all keys when key is null. */
    private List<Definition> formDefinitions(String key) {
        String sql = "select ID_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_CAMFORMDEF"
                + (key == null ? "" : " where KEY_ = ?") + " order by KEY_, VERSION_ desc";
        Object[] args = key == null ? new Object[0] : new Object[] {key};
        return jdbc.query(sql, (rs, i) -> new Definition(ModelKind.FORM, rs.getString(2), rs.getString(2),
                rs.getInt(3), rs.getString(1), rs.getString(4), rs.getString(5), null), args);
    }

    private static Definition of(ProcessDefinition p) {
        return new Definition(ModelKind.BPMN, p.getKey(), p.getName(), p.getVersion(), p.getId(), p.getDeploymentId(),
                p.getResourceName(), p.getHistoryTimeToLive());
    }

    private static Definition of(DecisionDefinition d) {
        return new Definition(ModelKind.DMN, d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
                d.getResourceName(), d.getHistoryTimeToLive());
    }

    private String contentOf(Definition d) {
        try (InputStream in = repository.getResourceAsStream(d.deploymentId(), d.resourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + d.resourceName() + " of deployment " + d.deploymentId(),
                    e);
        }
    }

    private Map<String, Deployment> deploymentsOf(List<String> ids) {
        Map<String, Deployment> out = new HashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Deployment d = repository.createDeploymentQuery().deploymentId(id).singleResult();
            if (d != null) {
                out.put(id, d);
            }
        }
        return out;
    }

    private Map<String, ModelDeployment> recordsOf(List<String> deploymentIds) {
        if (deploymentIds.isEmpty()) {
            return Map.of();
        }
        return deployments.findByDeploymentIdIn(new LinkedHashSet<>(deploymentIds)).stream()
                .collect(Collectors.toMap(ModelDeployment::getDeploymentId, Function.identity(), (a, b) -> a));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }
}
