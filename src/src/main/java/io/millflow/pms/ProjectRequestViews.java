package io.millflow.pms;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of project requests (intake). */
public final class ProjectRequestViews {

    private ProjectRequestViews() {
    }

    /**
     * A request for a new project. The heads of {@code departmentId} and of every involved department approve it;
     * {@code manager} kicks it off; {@code templateCode} (optional) gives its tasks.
     */
    public record ProjectRequestCommand(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,19}", message = "must be 2-20 letters, digits or '-'")
            String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotNull UUID departmentId,
            @Size(max = 20) List<@NotNull UUID> involvedDepartmentIds,
            @NotBlank @Size(max = 64) String manager,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2) BigDecimal budget,
            @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR") String currency,
            @Size(max = 40) String templateCode) {
    }

    /** One department's approval of a request. */
    public record ApprovalView(int position, UUID departmentId, String departmentCode, String headUsername,
            String decision, String decidedBy, Instant decidedAt, String comment) {
    }

    public record RequestView(UUID id, String number, String code, String name, String description,
            UUID departmentId, String departmentCode, List<UUID> involvedDepartmentIds, String manager,
            LocalDate startDate, LocalDate endDate, BigDecimal budget, String currency, String templateCode,
            String requestedBy, ProjectRequestStatus status, String rejectionReason, UUID projectId,
            Instant createdAt, Instant updatedAt, List<ApprovalView> approvals) {
    }
}
