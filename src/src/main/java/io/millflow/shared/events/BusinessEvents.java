package io.millflow.shared.events;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Publishes {@link BusinessEvent}s; call it inside the transaction of the change. */
@Component
public class BusinessEvents {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    BusinessEvents(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Publishes an event whose actor is the signed-in user, or {@code system} when nobody is. */
    public BusinessEvent publish(String type, String subjectType, String subjectId, Map<String, Object> data) {
        return publish(type, subjectType, subjectId, currentActor(), data);
    }

    public BusinessEvent publish(String type, String subjectType, String subjectId, String actor,
            Map<String, Object> data) {
        BusinessEvent event = new BusinessEvent(UUID.randomUUID(), type, subjectType, subjectId,
                actor == null ? "system" : actor, clock.instant(), data);
        publisher.publishEvent(event);
        return event;
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return auth.getName();
    }
}
