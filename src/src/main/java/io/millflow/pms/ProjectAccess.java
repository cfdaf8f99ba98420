package io.millflow.pms;

import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who sees and changes a project. Users with role MANAGER or ADMIN see and change every
 * project; anyone else sees only projects they are a member of (or manage) — any other answers 404, so that a project's
 * existence does not leak. Members with project role VIEWER read only (403 on writes).
 */
@Component
public class ProjectAccess {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final TaskRepository tasks;

    ProjectAccess(ProjectRepository projects, ProjectMemberRepository members, TaskRepository tasks) {
        this.projects = projects;
        this.members = members;
        this.tasks = tasks;
    }

    /** True for users who see every project. */
    public static boolean seesAll(Set<String> roles) {
        return roles.contains(Roles.MANAGER) || roles.contains(Roles.ADMIN);
    }

    @Transactional(readOnly = true)
    public void checkRead(UUID projectId) {
        CurrentUser user = CurrentUser.get();
        if (!canRead(user.username(), user.roles(), projectId)) {
            throw notFound(projectId);
        }
    }

    @Transactional(readOnly = true)
    public void checkWrite(UUID projectId) {
        CurrentUser user = CurrentUser.get();
        Project p = projects.findById(projectId).orElseThrow(() -> notFound(projectId));
        if (seesAll(user.roles())) {
            return;
        }
        ProjectRole role = roleOf(p, user.username()).orElseThrow(() -> notFound(projectId));
        if (role == ProjectRole.VIEWER) {
            throw new ProblemException.Forbidden("You may only read project " + p.getCode());
        }
    }

    /** Project-level changes (data, status, members): MANAGER/ADMIN, or the project's own manager members. */
    @Transactional(readOnly = true)
    public void checkManage(UUID projectId) {
        CurrentUser user = CurrentUser.get();
        Project p = projects.findById(projectId).orElseThrow(() -> notFound(projectId));
        if (seesAll(user.roles())) {
            return;
        }
        ProjectRole role = roleOf(p, user.username()).orElseThrow(() -> notFound(projectId));
        if (role != ProjectRole.MANAGER) {
            throw new ProblemException.Forbidden("Only a manager of project " + p.getCode() + " may change it");
        }
    }

    @Transactional(readOnly = true)
    public boolean canRead(String username, Set<String> roles, UUID projectId) {
        Optional<Project> p = projects.findById(projectId);
        if (p.isEmpty()) {
            return false;
        }
        return seesAll(roles) || roleOf(p.get(), username).isPresent();
    }

    /** The user's role in the project, if a member; the project's manager counts as MANAGER. */
    @Transactional(readOnly = true)
    public Optional<ProjectRole> roleOf(UUID projectId, String username) {
        return projects.findById(projectId).flatMap(p -> roleOf(p, username));
    }

    private Optional<ProjectRole> roleOf(Project p, String username) {
        if (username.equals(p.getManager())) {
            return Optional.of(ProjectRole.MANAGER);
        }
        return members.findByProjectIdAndUsername(p.getId(), username).map(ProjectMember::getRole);
    }

    @Transactional(readOnly = true)
    public UUID projectOfTask(UUID taskId) {
        return tasks.findById(taskId).map(Task::getProjectId)
                .orElseThrow(() -> new ProblemException.NotFound("No task " + taskId));
    }

    /** The project of a task, after checking the current user may read it (404 otherwise). */
    @Transactional(readOnly = true)
    public UUID readTask(UUID taskId) {
        UUID projectId = projectOfTask(taskId);
        CurrentUser user = CurrentUser.get();
        if (!canRead(user.username(), user.roles(), projectId)) {
            throw new ProblemException.NotFound("No task " + taskId);
        }
        return projectId;
    }

    /** The project of a task, after checking the current user may change it (404 hidden, 403 VIEWER). */
    @Transactional(readOnly = true)
    public UUID writeTask(UUID taskId) {
        UUID projectId = readTask(taskId);
        checkWrite(projectId);
        return projectId;
    }

    static ProblemException notFound(UUID projectId) {
        return new ProblemException.NotFound("No project " + projectId);
    }
}
