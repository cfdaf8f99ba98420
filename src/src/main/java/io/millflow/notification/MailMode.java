package io.millflow.notification;

public enum MailMode { OFF, IMMEDIATE, DIGEST }
