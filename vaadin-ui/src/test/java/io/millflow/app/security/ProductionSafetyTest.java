package io.millflow.app.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.millflow.security.UserAccounts;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The prod profile refuses default secrets and bootstraps the first administrator. */
class ProductionSafetyTest {

    private final UserAccounts users = mock(UserAccounts.class);
    private final RegisteredClientRepository clients = mock(RegisteredClientRepository.class);

    @SuppressWarnings("unchecked")
    private ProductionSafety safety(String url, String dbPassword, String adminPassword) {
        ObjectProvider<RegisteredClientRepository> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(clients);
        return new ProductionSafety(users, provider, url, dbPassword, "root", adminPassword);
    }

    private void run(ProductionSafety safety) {
        safety.run(new DefaultApplicationArguments());
    }

    @Test
    void startsWithRealSecretsAndCreatesTheFirstAdministrator() {
        assertThatCode(() -> run(safety("jdbc:postgresql://db/millflow", "s3cret-db-pass", "a-long-admin-pass")))
                .doesNotThrowAnyException();
        verify(users).create(eq("system"), eq("root"), eq("a-long-admin-pass"), anyString(), any(),
                eq(Set.of("ADMIN")));
    }

    @Test
    void keepsAnExistingAdministrator() {
        when(users.anyEnabledWithRole("ADMIN")).thenReturn(true);
        run(safety("jdbc:postgresql://db/millflow", "s3cret-db-pass", "a-long-admin-pass"));
        verify(users, never()).create(anyString(), anyString(), anyString(), anyString(), any(), any());
    }

    @Test
    void refusesDefaultDatabasePasswords() {
        for (String weak : new String[] {"", "millflow", "postgres", "changeme", "secret"}) {
            assertThatThrownBy(() -> run(safety("jdbc:postgresql://db/millflow", weak, "a-long-admin-pass")))
                    .hasMessageContaining("spring.datasource.password");
        }
    }

    @Test
    void refusesTheEmbeddedDatabaseAWeakAdminPasswordDemoUsersAndDemoClients() {
        assertThatThrownBy(() -> run(safety("", "x", "a-long-admin-pass")))
                .hasMessageContaining("spring.datasource.url");
        assertThatThrownBy(() -> run(safety("jdbc:postgresql://db/millflow", "s3cret-db-pass", "short")))
                .hasMessageContaining("MILLFLOW_ADMIN_PASSWORD");
        when(users.passwordMatches("manager", "millflow")).thenReturn(true);
        assertThatThrownBy(() -> run(safety("jdbc:postgresql://db/millflow", "s3cret-db-pass", "a-long-admin-pass")))
                .hasMessageContaining("'manager' still has the demo password");
        when(users.passwordMatches("manager", "millflow")).thenReturn(false);
        when(clients.findByClientId("ops-cli")).thenReturn(mock(RegisteredClient.class));
        assertThatThrownBy(() -> run(safety("jdbc:postgresql://db/millflow", "s3cret-db-pass", "a-long-admin-pass")))
                .hasMessageContaining("demo OAuth clients");
        verify(users, never()).create(anyString(), anyString(), anyString(), anyString(), any(), any());
    }
}
