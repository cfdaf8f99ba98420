package io.millflow.mail;

/** A template filled in: subject, text part and HTML part. */
public record RenderedMail(String subject, String text, String html) {
}
