package io.millflow.webhook;

import io.millflow.shared.PageView;
import io.millflow.webhook.WebhookViews.DeliveryDetail;
import io.millflow.webhook.WebhookViews.DeliveryView;
import io.millflow.webhook.WebhookViews.IssuedSecret;
import io.millflow.webhook.WebhookViews.PingResult;
import io.millflow.webhook.WebhookViews.SubscriptionCommand;
import io.millflow.webhook.WebhookViews.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions, deliveries and dead letters (ADR 0029). Roles: ADMIN on every endpoint. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    @Operation(summary = "All subscriptions (never their secrets)")
    List<SubscriptionView> list() {
        return webhooks.list();
    }

    @GetMapping("/event-types")
    @Operation(summary = "The event types a subscription may choose, and the capabilities that publish them")
    EventTypeList eventTypes() {
        return new EventTypeList(webhooks.eventTypes(), Webhooks.CAPABILITIES);
    }

    record EventTypeList(List<String> eventTypes, List<String> capabilities) {
    }

    @PostMapping
    @Operation(summary = "Create a subscription; the answer carries its secret, the only time it is shown")
    ResponseEntity<IssuedSecret> create(@RequestBody SubscriptionCommand cmd) {
        IssuedSecret issued = webhooks.create(cmd);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + issued.subscription().id())).body(issued);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription")
    SubscriptionView get(@PathVariable UUID id) {
        return webhooks.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change name, URL, event types, capability filter or active flag (version: optimistic check)")
    SubscriptionView update(@PathVariable UUID id, @RequestBody SubscriptionCommand cmd) {
        return webhooks.update(id, cmd);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a subscription with its delivery log")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Replace the secret; the answer carries the new one, the only time it is shown")
    IssuedSecret rotateSecret(@PathVariable UUID id) {
        return webhooks.rotateSecret(id);
    }

    @PostMapping("/{id}/ping")
    @Operation(summary = "Send a signed webhook.ping now and answer what the receiver said")
    PingResult ping(@PathVariable UUID id) {
        return webhooks.ping(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, newest first; filter status")
    PageView<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(id, status, page, size);
    }

    @GetMapping("/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its exact body and every attempt")
    DeliveryDetail delivery(@PathVariable UUID deliveryId) {
        return webhooks.delivery(deliveryId);
    }

    @PostMapping("/deliveries/{deliveryId}/resend")
    @Operation(summary = "Send a dead or succeeded delivery again (a new series of attempts, same body and id)")
    DeliveryView resend(@PathVariable UUID deliveryId) {
        return webhooks.resend(deliveryId);
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Deliveries whose last try failed, newest first")
    PageView<DeliveryView> deadLetters(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return webhooks.deadLetters(page, size);
    }
}
