package io.millflow.pms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ProjectView(UUID id, String code, String name, String description, UUID departmentId,
        String departmentCode, List<String> involvedDepartmentCodes, String manager, LocalDate startDate,
        LocalDate endDate, BigDecimal budget, String currency, ProjectStatus status, List<MemberView> members,
        long version) {
}
