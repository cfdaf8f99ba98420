package io.millflow.pms;

public record MemberCommand(String username, ProjectRole role) {
}
