package io.millflow.ui.workbench;

import io.millflow.shared.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups the runtime pages need besides {@code ProcessRuntime}: the deployed versions of a process key
 * and the diagram (BPMN XML) of one version. Process owners and admins only.
 */
@Component
@PreAuthorize("hasAnyRole('PROCESS_OWNER','ADMIN')")
public class ProcessDiagrams {

    /** One deployed version of a process. */
    public record Version(int version, String definitionId, String name) {
    }

    private final RepositoryService repository;

    public ProcessDiagrams(RepositoryService repository) {
        this.repository = repository;
    }

    /** The deployed versions of {@code key}, newest first; empty when the key is not deployed. */
    public List<Version> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> new Version(d.getVersion(), d.getId(), d.getName())).toList();
    }

    /** The name of the latest version, or empty. */
    public Optional<String> name(String key) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult()).map(ProcessDefinition::getName);
    }

    /** The BPMN XML of one version; 404 problem when that version is not deployed. */
    public String xml(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new ProblemException.NotFound("Process " + key + " has no version " + version);
        }
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
