package io.millflow.shared.inbox;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The answer to an approval task: approve or reject, with a comment (required to reject). */
public record TaskDecision(@NotNull Boolean approved, @Size(max = 2000) String comment) {
}
