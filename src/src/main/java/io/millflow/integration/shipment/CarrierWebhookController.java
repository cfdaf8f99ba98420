package io.millflow.integration.shipment;

import io.millflow.integration.carrier.FedExProperties;
import io.millflow.integration.shipment.CarrierWebhooks.Received;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracking pushed by carriers. No bearer token: the caller is the carrier, proven by the HMAC signature of the raw
 * body (and the timestamp header when configured); 401 {@code invalid-webhook-signature} when it is wrong,
 * {@code webhook-replay} (401 stale timestamp, 409 second delivery) for replays.
 */
@RestController
@RequestMapping("/api/v1/carriers")
@Tag(name = "Carrier webhooks")
class CarrierWebhookController {

    private final CarrierWebhooks webhooks;
    private final FedExProperties.Webhook fedEx;

    CarrierWebhookController(CarrierWebhooks webhooks, FedExProperties props) {
        this.webhooks = webhooks;
        this.fedEx = props.webhook();
    }

    @PostMapping("/fedex/webhook")
    @Operation(summary = "FedEx tracking push, signed with fdx-signature (HMAC-SHA256 of the body)")
    Received fedEx(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return webhooks.receiveFedEx(body, request.getHeader(fedEx.signatureHeader()),
                request.getHeader(fedEx.timestampHeader()));
    }
}
