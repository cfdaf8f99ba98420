package io.millflow.pms;

public record MemberView(String username, ProjectRole role) {
}
