package io.millflow.app.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Operaton's webapps send everyone to a "create the first admin" page until some user of the engine's
 * own identity store belongs to {@code operaton-admin}. Millflow signs people in itself, so it marks
 * the set-up as done with one technical member whose random password is never stored or shown.
 */
@Component
class OperatonWebappSetup implements ApplicationRunner {

    static final String TECHNICAL_USER = "millflowsso";

    private final IdentityService identity;

    OperatonWebappSetup(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createUserQuery().memberOfGroup(Groups.OPERATON_ADMIN).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(Groups.OPERATON_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.OPERATON_ADMIN);
            group.setName("Operaton administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(TECHNICAL_USER).count() == 0) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            User user = identity.newUser(TECHNICAL_USER);
            user.setFirstName("Millflow");
            user.setLastName("single sign-on");
            user.setPassword(Base64.getEncoder().encodeToString(secret));
            identity.saveUser(user);
        }
        identity.createMembership(TECHNICAL_USER, Groups.OPERATON_ADMIN);
    }
}
