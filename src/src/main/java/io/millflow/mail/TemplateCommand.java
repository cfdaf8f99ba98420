package io.millflow.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A template as the ADMIN edits it.
 *
 * @param version the version that was read (optimistic check; null skips it, e.g. for a preview)
 */
public record TemplateCommand(@NotBlank @Size(max = 500) String subject, @NotBlank @Size(max = 20000) String text,
        @NotBlank @Size(max = 50000) String html, Long version) {
}
