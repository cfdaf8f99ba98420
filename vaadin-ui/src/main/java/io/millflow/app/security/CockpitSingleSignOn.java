package io.millflow.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.millflow.processes.Roles;
import java.util.List;
import java.util.Set;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.operaton.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.operaton.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Operaton's Cockpit, Tasklist and Admin take the Millflow login: no second password. Spring Security
 * lets only ADMIN and PROCESS_OWNER reach {@code /operaton/**}; this filter then tells the webapps who
 * the user is and that their groups are their roles.
 */
@Configuration(proxyBeanMethods = false)
class CockpitSingleSignOn {

    @Bean
    FilterRegistrationBean<SpringSecurityAuthenticationFilter> operatonContainerAuthentication() {
        FilterRegistrationBean<SpringSecurityAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new SpringSecurityAuthenticationFilter());
        registration.setName("operaton-container-authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityProvider.class.getName());
        registration.addUrlPatterns("/operaton/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Builds the webapps' authentication from the Spring Security roles instead of Operaton's own user
     * tables (Millflow's users live in {@code app_user}). ADMIN may use every webapp; PROCESS_OWNER
     * Cockpit, Tasklist and the welcome page.
     */
    public static class SpringSecurityAuthenticationFilter extends ContainerBasedAuthenticationFilter {

        @Override
        protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
                List<String> tenants) {
            UserAuthentication authentication = new UserAuthentication(username, engine.getName());
            authentication.setGroupIds(groups == null ? List.of() : groups);
            authentication.setTenantIds(tenants == null ? List.of() : tenants);
            authentication.setAuthorizedApps(groups != null && groups.contains(Roles.ADMIN)
                    ? Set.of("cockpit", "tasklist", "admin", "welcome")
                    : Set.of("cockpit", "tasklist", "welcome"));
            return authentication;
        }
    }

    /** Reads the user that Spring Security authenticated. */
    public static class SpringSecurityProvider implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(auth.getName());
            List<String> groups = RoleClaims.roleNames(auth.getAuthorities());
            result.setGroups(groups);
            result.setTenants(List.of());
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // Spring Security sends unauthenticated users to the login page before this filter runs.
        }
    }
}
