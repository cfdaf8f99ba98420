package io.millflow.mail;

import java.util.Objects;

/** A file sent with a mail. */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }
}
