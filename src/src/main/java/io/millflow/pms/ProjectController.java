package io.millflow.pms;

import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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

/**
 * Projects, their members, tasks, dependencies and schedule. Roles: MANAGER and ADMIN create projects and see all;
 * anyone else sees only projects they are a member of (others answer 404); VIEWER members read only (403).
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
class ProjectController {

    /** New status of a project. */
    record StatusCommand(ProjectStatus status) {
    }

    private final Projects projects;
    private final Tasks tasks;

    ProjectController(Projects projects, Tasks tasks) {
        this.projects = projects;
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Visible projects by status and text (code or name), by code; paged")
    PageView<ProjectSummary> list(@RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return projects.list(status, q, page, size);
    }

    @PostMapping
    @Operation(summary = "Create a project (MANAGER, ADMIN), with tasks from a template when templateCode is set")
    ResponseEntity<ProjectView> create(@RequestBody ProjectCommand body) {
        ProjectView p = projects.create(body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project with its members; 404 when not visible")
    ProjectView get(@PathVariable UUID id) {
        return projects.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a project's data (MANAGER, ADMIN, project managers); code, template, members ignored")
    ProjectView update(@PathVariable UUID id, @RequestBody ProjectCommand body) {
        return projects.update(id, body);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change a project's status (MANAGER, ADMIN, project managers)")
    ProjectView changeStatus(@PathVariable UUID id, @RequestBody StatusCommand body) {
        return projects.changeStatus(id, body.status());
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Members of a project with their project roles")
    List<MemberView> members(@PathVariable UUID id) {
        return projects.members(id);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member or change a member's role (MANAGER, ADMIN, project managers)")
    MemberView addMember(@PathVariable UUID id, @RequestBody MemberCommand body) {
        return projects.addMember(id, body.username(), body.role());
    }

    @DeleteMapping("/{id}/members/{username}")
    @Operation(summary = "Remove a member (MANAGER, ADMIN, project managers)")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable String username) {
        projects.removeMember(id, username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/tasks")
    @Operation(summary = "All tasks as a flattened tree (parent before children, with depth)")
    List<TaskView> tasks(@PathVariable UUID id) {
        return tasks.list(id);
    }

    @GetMapping("/{id}/tasks/page")
    @Operation(summary = "Tasks by status and assignee, by number; paged")
    PageView<TaskView> taskPage(@PathVariable UUID id, @RequestParam(required = false) TaskStatus status,
            @RequestParam(required = false) String assignee, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return tasks.page(id, status, assignee, page, size);
    }

    @PostMapping("/{id}/tasks")
    @Operation(summary = "Create a task (members with project role MANAGER or MEMBER, MANAGER, ADMIN)")
    ResponseEntity<TaskView> createTask(@PathVariable UUID id, @RequestBody TaskCommand body) {
        TaskView t = tasks.create(id, body);
        return ResponseEntity.created(URI.create("/api/v1/project-tasks/" + t.id())).body(t);
    }

    @GetMapping("/{id}/dependencies")
    @Operation(summary = "Dependencies between the project's tasks")
    List<DependencyView> dependencies(@PathVariable UUID id) {
        return tasks.dependencies(id);
    }

    @PostMapping("/{id}/dependencies")
    @Operation(summary = "Add a dependency (FS or SS, lag in days); 400 on a cycle; pushes successors if needed")
    ResponseEntity<DependencyView> addDependency(@PathVariable UUID id, @RequestBody DependencyCommand body) {
        return ResponseEntity.status(201).body(tasks.addDependency(id, body));
    }

    @DeleteMapping("/{id}/dependencies/{predecessorId}/{successorId}")
    @Operation(summary = "Remove a dependency")
    ResponseEntity<Void> removeDependency(@PathVariable UUID id, @PathVariable UUID predecessorId,
            @PathVariable UUID successorId) {
        tasks.removeDependency(predecessorId, successorId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/schedule")
    @Operation(summary = "Critical path: early and late dates and slack per task, and the critical tasks in order")
    ScheduleView schedule(@PathVariable UUID id) {
        return tasks.schedule(id);
    }

    @GetMapping("/{id}/gantt")
    @Operation(summary = "Tasks, dependencies and schedule in one answer")
    GanttView gantt(@PathVariable UUID id) {
        return tasks.gantt(id);
    }
}
