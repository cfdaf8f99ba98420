package io.millflow.integration.carrier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.shared.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What FedEx pushes to the tracking webhook (Advanced Integrated Visibility / Tracking Webhooks). FedEx documents
 * the push as the Track API's answer: {@code transactionId} and {@code output.completeTrackResults[].trackResults[]}
 * with {@code latestStatusDetail}, {@code scanEvents} and {@code dateAndTimes} (plus delivery metadata Millflow does
 * not use). Read only after the signature has been verified.
 */
public final class FedExWebhookPayload {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FedExWebhookPayload() {
    }

    /**
     * One push.
     *
     * @param eventId FedEx's {@code transactionId} of the push, or null when it carries none
     * @param updates the tracking of each package the push names
     */
    public record Delivery(String eventId, List<TrackingInfo> updates) {

        public Delivery {
            updates = List.copyOf(updates);
        }
    }

    /**
     * @throws ProblemException.InvalidInput when the body is not such a push
     */
    public static Delivery parse(byte[] body) {
        FedExJson.TrackResponse push;
        try {
            push = JSON.readValue(body, FedExJson.TrackResponse.class);
        } catch (IOException e) {
            throw new ProblemException.InvalidInput("body", "is not a FedEx tracking push: "
                    + e.getMessage().split("\n")[0]);
        }
        if (push == null || push.output() == null || push.output().completeTrackResults() == null) {
            throw new ProblemException.InvalidInput("output.completeTrackResults", "is missing");
        }
        List<TrackingInfo> updates = new ArrayList<>();
        for (FedExJson.CompleteTrackResult complete : push.output().completeTrackResults()) {
            if (complete.trackResults() == null) {
                continue;
            }
            for (FedExJson.TrackResult result : complete.trackResults()) {
                String number = complete.trackingNumber() != null ? complete.trackingNumber()
                        : result.trackingNumberInfo() == null ? null : result.trackingNumberInfo().trackingNumber();
                if (number == null || number.isBlank() || result.error() != null && result.error().code() != null) {
                    continue;
                }
                updates.add(FedExMapping.trackingInfo(number, result));
            }
        }
        String eventId = push.transactionId() == null || push.transactionId().isBlank() ? null
                : push.transactionId().strip();
        return new Delivery(eventId, updates);
    }
}
