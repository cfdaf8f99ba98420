package io.millflow.pms;

import java.util.UUID;

public record DepartmentView(UUID id, String code, String name, String headUsername) {
}
