package io.millflow.pms;

public record DepartmentCommand(String code, String name, String headUsername) {
}
