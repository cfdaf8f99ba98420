package io.millflow.pms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Departments. Roles: ADMIN writes; everyone inside the firm reads. */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments")
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "All departments by code")
    List<DepartmentView> list() {
        return departments.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One department")
    DepartmentView get(@PathVariable UUID id) {
        return departments.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a department (ADMIN); 409 when the code exists")
    ResponseEntity<DepartmentView> create(@RequestBody DepartmentCommand body) {
        DepartmentView d = departments.create(body);
        return ResponseEntity.created(URI.create("/api/v1/departments/" + d.id())).body(d);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a department's name and head (ADMIN); the code cannot change")
    DepartmentView update(@PathVariable UUID id, @RequestBody DepartmentCommand body) {
        return departments.update(id, body);
    }
}
