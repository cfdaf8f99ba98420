package io.millflow.security;

import io.millflow.processes.Roles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users for each role, password {@code millflow}. Only with no profile or {@code dev} active;
 * the {@code prod} profile never has them.
 */
@Component
@Profile({"default", "dev"})
@Order(10)
class DemoUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "millflow";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserAccounts accounts;

    DemoUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("employee", Roles.EMPLOYEE);
        users.put("manager", Roles.MANAGER);
        users.put("head", Roles.DEPARTMENT_HEAD);
        users.put("head2", Roles.DEPARTMENT_HEAD);
        users.put("finance", Roles.FINANCE);
        users.put("buyer", Roles.BUYER);
        users.put("warehouse", Roles.WAREHOUSE);
        // a second warehouse person: approves count differences that "warehouse" counted (four eyes)
        users.put("supervisor", Roles.WAREHOUSE);
        users.put("owner", Roles.PROCESS_OWNER);
        // supplier users: "supplier" belongs to ACME, "supplier2" to NORDBOLT (linked by the demo purchasing data)
        users.put("supplier", Roles.SUPPLIER);
        users.put("supplier2", Roles.SUPPLIER);
        users.put("admin", Roles.ADMIN);
        return users;
    }

    @Override
    public void run(ApplicationArguments args) {
        users().forEach((username, role) -> {
            if (!accounts.exists(username)) {
                String display = Character.toUpperCase(username.charAt(0)) + username.substring(1) + " (demo)";
                accounts.create("system", username, DEMO_PASSWORD, display, username + "@demo.millflow.io",
                        Set.of(role));
                log.info("Demo user {} ({}) created", username, role);
            }
        });
    }
}
