package io.millflow.pms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Project templates. Roles: MANAGER and ADMIN create; everyone inside the firm reads. */
@RestController
@RequestMapping("/api/v1/project-templates")
@Tag(name = "Projects")
class ProjectTemplateController {

    private final ProjectTemplates templates;

    ProjectTemplateController(ProjectTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "All templates with their tasks and dependencies")
    List<TemplateView> list() {
        return templates.list();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One template by code")
    TemplateView get(@PathVariable String code) {
        return templates.get(code);
    }

    @PostMapping
    @Operation(summary = "Create a template (MANAGER, ADMIN); tasks by position, dependencies between positions")
    ResponseEntity<TemplateView> create(@RequestBody TemplateCommand body) {
        TemplateView t = templates.create(body);
        return ResponseEntity.created(URI.create("/api/v1/project-templates/" + t.code())).body(t);
    }
}
