package io.millflow.app.security;

import io.millflow.security.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile: creates the first administrator from {@code millflow.admin.*} when no
 * enabled user has ADMIN, and refuses to start while any secret is a default (database password, admin password,
 * demo users or demo clients).
 */
@Component
@Profile("prod")
@Order(0)
class ProductionSafety implements ApplicationRunner {

    static final Set<String> DEFAULT_SECRETS = Set.of("", "millflow", "postgres", "changeme", "secret", "admin",
            "password", DemoClients.OPS_CLI_SECRET);
    private static final List<String> DEMO_USERS = List.of("employee", "manager", "head", "finance", "buyer",
            "warehouse", "owner", "supplier", "admin");

    private final UserAccounts users;
    private final ObjectProvider<RegisteredClientRepository> clients;
    private final String datasourceUrl;
    private final String datasourcePassword;
    private final String adminUsername;
    private final String adminPassword;

    ProductionSafety(UserAccounts users, ObjectProvider<RegisteredClientRepository> clients,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${spring.datasource.password:}") String datasourcePassword,
            @Value("${millflow.admin.username:admin}") String adminUsername,
            @Value("${millflow.admin.password:}") String adminPassword) {
        this.users = users;
        this.clients = clients;
        this.datasourceUrl = datasourceUrl;
        this.datasourcePassword = datasourcePassword;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> problems = new ArrayList<>();
        if (datasourceUrl.isBlank()) {
            problems.add("spring.datasource.url is not set: production runs on an external PostgreSQL");
        } else if (DEFAULT_SECRETS.contains(datasourcePassword)) {
            problems.add("spring.datasource.password is empty or a default");
        }
        if (DEFAULT_SECRETS.contains(adminPassword) || adminPassword.length() < 12) {
            problems.add("millflow.admin.password (MILLFLOW_ADMIN_PASSWORD) is a default or shorter than 12 characters");
        }
        for (String demo : DEMO_USERS) {
            if (users.passwordMatches(demo, "millflow")) {
                problems.add("user '" + demo + "' still has the demo password");
            }
        }
        RegisteredClientRepository repo = clients.getIfAvailable();
        if (repo != null && (repo.findByClientId(DemoClients.OPS_CLI) != null
                || repo.findByClientId(DemoClients.CLI) != null)) {
            problems.add("demo OAuth clients ops-cli / millflow-cli are registered");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile: " + String.join("; ", problems));
        }
        if (!users.anyEnabledWithRole("ADMIN") && !users.exists(adminUsername)) {
            users.create("system", adminUsername, adminPassword, "Administrator", null, Set.of("ADMIN"));
        }
    }
}
