package io.millflow.calendar;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Google Calendar sync ({@code millflow.calendar.google.*}); off by default.
 *
 * @param enabled               push plan entries to Google and pull moved milestones back
 * @param calendarId            the one shared calendar all entries go to (ADR 0027), e.g. {@code projects@firm.com}
 *                              or a {@code ...@group.calendar.google.com} id
 * @param apiBaseUrl            Calendar API v3 base, {@code https://www.googleapis.com/calendar/v3}
 * @param tokenUri              OAuth2 token endpoint, {@code https://oauth2.googleapis.com/token}
 * @param auth                  {@code SERVICE_ACCOUNT} (JWT bearer grant, domain-wide delegation) or {@code REFRESH_TOKEN}
 * @param serviceAccountKeyFile the service account's JSON key ({@code client_email}, {@code private_key})
 * @param delegatedUser         the Workspace user the service account acts as ({@code sub}); empty for none
 * @param scope                 OAuth2 scope asked for
 * @param clientId              OAuth2 client (REFRESH_TOKEN)
 * @param clientSecret          OAuth2 client secret (REFRESH_TOKEN)
 * @param refreshToken          the refresh token granted by the calendar's owner (REFRESH_TOKEN)
 * @param requestTimeout        longest wait for one answer
 * @param maxAttempts           attempts of one call on 429 / rate-limit 403 / 5xx / no connection, the first included
 * @param initialBackoff        pause before the first retry, doubled with each further one
 * @param maxBackoff            longest pause between attempts (also caps Retry-After; a longer one ends the call)
 * @param syncInterval          how often the cluster-wide sync job pulls changes and pushes the outbox
 * @param reconcileInterval     how often every entry is compared with what was pushed (allocations, missed events)
 * @param allocationWeeksBack   allocations of this many past weeks stay in the calendar
 * @param allocationWeeksAhead  allocations up to this many weeks ahead are pushed
 * @param batchSize             outbox rows pushed per run
 */
@ConfigurationProperties("millflow.calendar.google")
public record GoogleCalendarProperties(Boolean enabled, String calendarId, URI apiBaseUrl, URI tokenUri, Auth auth,
        Path serviceAccountKeyFile, String delegatedUser, String scope, String clientId, String clientSecret,
        String refreshToken, Duration requestTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Duration syncInterval, Duration reconcileInterval, Integer allocationWeeksBack,
        Integer allocationWeeksAhead, Integer batchSize) {

    public enum Auth { SERVICE_ACCOUNT, REFRESH_TOKEN }

    public static final String CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar";

    public GoogleCalendarProperties {
        enabled = enabled != null && enabled;
        calendarId = calendarId == null || calendarId.isBlank() ? null : calendarId.strip();
        serviceAccountKeyFile = serviceAccountKeyFile == null || serviceAccountKeyFile.toString().isBlank() ? null
                : serviceAccountKeyFile;
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://www.googleapis.com/calendar/v3") : apiBaseUrl;
        tokenUri = tokenUri == null ? URI.create("https://oauth2.googleapis.com/token") : tokenUri;
        auth = auth == null ? Auth.SERVICE_ACCOUNT : auth;
        delegatedUser = delegatedUser == null || delegatedUser.isBlank() ? null : delegatedUser.strip();
        scope = scope == null || scope.isBlank() ? CALENDAR_SCOPE : scope;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(20) : requestTimeout;
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
        syncInterval = syncInterval == null ? Duration.ofMinutes(5) : syncInterval;
        reconcileInterval = reconcileInterval == null ? Duration.ofHours(1) : reconcileInterval;
        allocationWeeksBack = allocationWeeksBack == null ? 4 : allocationWeeksBack;
        allocationWeeksAhead = allocationWeeksAhead == null ? 26 : allocationWeeksAhead;
        batchSize = batchSize == null ? 200 : batchSize;
    }

    /** Settings for a test: the given base URLs, refresh-token auth, quick retries. */
    public static GoogleCalendarProperties forTest(URI apiBaseUrl, URI tokenUri, String calendarId) {
        return new GoogleCalendarProperties(true, calendarId, apiBaseUrl, tokenUri, Auth.REFRESH_TOKEN, null, null,
                null, "client", "secret", "refresh", Duration.ofSeconds(5), 4, Duration.ofMillis(10),
                Duration.ofSeconds(2), null, null, null, null, null);
    }

    /** Checks the settings that an enabled sync needs; the message names the missing property. */
    public void validate() {
        if (!enabled) {
            return;
        }
        require(calendarId, "calendar-id");
        if (auth == Auth.SERVICE_ACCOUNT) {
            if (serviceAccountKeyFile == null) {
                throw new IllegalStateException("millflow.calendar.google.service-account-key-file is required");
            }
        } else {
            require(clientId, "client-id");
            require(clientSecret, "client-secret");
            require(refreshToken, "refresh-token");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("millflow.calendar.google." + name + " is required when enabled");
        }
    }
}
