package io.millflow.pms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A new project, or the new state of one (update: the code cannot change; templateCode and members are ignored). */
public record ProjectCommand(String code, String name, String description, UUID departmentId,
        List<UUID> involvedDepartmentIds, String manager, LocalDate startDate, LocalDate endDate, BigDecimal budget,
        String currency, String templateCode, List<MemberCommand> members) {
}
