package io.millflow.integration.carrier;

import io.millflow.integration.carrier.CarrierProblems.CarrierRejected;
import io.millflow.integration.carrier.CarrierProblems.InvalidLabel;
import io.millflow.integration.carrier.CarrierProblems.UnknownTrackingNumber;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * FedEx through its REST APIs: Rates and Transit Times ({@code POST /rate/v1/rates/quotes}), Ship
 * ({@code POST /ship/v1/shipments} with PDF labels returned inline, {@code PUT /ship/v1/shipments/cancel}) and
 * Track ({@code POST /track/v1/trackingnumbers}). Transport, token and resilience are {@link FedExClient}'s.
 */
class FedExCarrier implements CarrierGateway {

    static final String CODE = "fedex";
    /** Tracking numbers FedEx's Track API takes in one call. */
    static final int MAX_TRACKING_NUMBERS = 30;
    private static final Logger log = LoggerFactory.getLogger(FedExCarrier.class);

    private final FedExProperties props;
    private final FedExClient client;

    FedExCarrier(FedExProperties props, RestClient.Builder http, Clock clock) {
        requireText(props.clientId(), "client-id");
        requireText(props.clientSecret(), "client-secret");
        requireText(props.accountNumber(), "account-number");
        this.props = props;
        this.client = new FedExClient(props, http, clock);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true);
    }

    @Override
    public List<RateQuote> quote(RateRequest request) {
        FedExJson.RateQuoteResponse response = client.call("rate quote", HttpMethod.POST, "/rate/v1/rates/quotes",
                FedExMapping.rateRequest(props, request), FedExJson.RateQuoteResponse.class, true);
        return FedExMapping.quotes(response);
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        if (request.trackingNumber() != null) {
            throw new ProblemException.InvalidInput("trackingNumber", "FedEx assigns tracking numbers; leave it empty");
        }
        if (request.serviceCode() == null || request.serviceCode().isBlank()) {
            throw new ProblemException.InvalidInput("serviceCode", "is required; take it from a rate quote");
        }
        FedExJson.CreateShipmentResponse response = client.call("shipment", HttpMethod.POST, "/ship/v1/shipments",
                FedExMapping.shipmentRequest(props, request), FedExJson.CreateShipmentResponse.class, false);
        List<FedExJson.TransactionShipment> shipments = response.output() == null ? null
                : response.output().transactionShipments();
        if (shipments == null || shipments.isEmpty()) {
            throw new InvalidLabel(CODE, "FedEx confirmed the shipment without a tracking number (FedEx transaction "
                    + response.transactionId() + "); check at FedEx");
        }
        FedExJson.TransactionShipment shipment = shipments.get(0);
        List<FedExJson.PieceResponse> pieces = shipment.pieceResponses() == null ? List.of()
                : shipment.pieceResponses();
        String master = shipment.masterTrackingNumber() != null ? shipment.masterTrackingNumber()
                : pieces.isEmpty() ? null : pieces.get(0).trackingNumber();
        if (master == null) {
            throw new InvalidLabel(CODE, "FedEx confirmed the shipment without a tracking number (FedEx transaction "
                    + response.transactionId() + "); check at FedEx");
        }
        try {
            if (pieces.size() != request.parcels().size()) {
                throw new InvalidLabel(CODE, "FedEx answered with " + pieces.size() + " packages for "
                        + request.parcels().size() + " parcels (FedEx transaction " + response.transactionId() + ")");
            }
            List<PackageLabel> packages = new ArrayList<>();
            for (FedExJson.PieceResponse piece : pieces) {
                packages.add(new PackageLabel(piece.trackingNumber(), label(piece)));
            }
            return new CreatedShipment(CODE, master, packages, charge(shipment));
        } catch (InvalidLabel e) {
            throw new InvalidLabel(CODE, e.getMessage() + "; " + cancelUnusable(master));
        }
    }

    /** Cancels a shipment FedEx booked but whose answer cannot be used, so that it is not billed. */
    private String cancelUnusable(String trackingNumber) {
        try {
            cancel(trackingNumber);
            return "shipment " + trackingNumber + " was cancelled at FedEx";
        } catch (RuntimeException e) {
            return "cancelling shipment " + trackingNumber + " at FedEx failed too (" + e.getMessage()
                    + "); cancel it there";
        }
    }

    @Override
    public TrackingInfo track(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new ProblemException.InvalidInput("trackingNumber", "must not be blank");
        }
        FedExJson.TrackResponse response = client.call("tracking", HttpMethod.POST, "/track/v1/trackingnumbers",
                FedExMapping.trackRequest(trackingNumber), FedExJson.TrackResponse.class, true);
        FedExJson.TrackResult result = response.output() == null || response.output().completeTrackResults() == null
                ? null : response.output().completeTrackResults().stream()
                        .filter(r -> r.trackResults() != null && !r.trackResults().isEmpty())
                        .map(r -> r.trackResults().get(0)).findFirst().orElse(null);
        if (result == null) {
            throw new UnknownTrackingNumber(CODE, null, "FedEx returned no tracking result for " + trackingNumber,
                    response.transactionId());
        }
        if (result.error() != null && result.error().code() != null) {
            String message = "FedEx cannot track " + trackingNumber + ": " + result.error().code() + " – "
                    + result.error().message();
            if (result.error().code().contains("NOTFOUND") || result.error().code().contains("NOT.FOUND")) {
                throw new UnknownTrackingNumber(CODE, result.error().code(), message, response.transactionId());
            }
            throw new CarrierRejected(CODE, result.error().code(), message, response.transactionId());
        }
        return FedExMapping.trackingInfo(trackingNumber, result);
    }

    /** Up to {@value #MAX_TRACKING_NUMBERS} numbers per call, as the Track API allows. */
    @Override
    public Map<String, TrackingInfo> trackAll(List<String> trackingNumbers) {
        Map<String, TrackingInfo> found = new LinkedHashMap<>();
        List<String> numbers = trackingNumbers.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
        for (int from = 0; from < numbers.size(); from += MAX_TRACKING_NUMBERS) {
            List<String> batch = numbers.subList(from, Math.min(from + MAX_TRACKING_NUMBERS, numbers.size()));
            FedExJson.TrackResponse response = client.call("tracking", HttpMethod.POST, "/track/v1/trackingnumbers",
                    FedExMapping.trackRequest(batch), FedExJson.TrackResponse.class, true);
            if (response.output() == null || response.output().completeTrackResults() == null) {
                continue;
            }
            for (FedExJson.CompleteTrackResult complete : response.output().completeTrackResults()) {
                if (complete.trackResults() == null || complete.trackResults().isEmpty()
                        || !batch.contains(complete.trackingNumber())) {
                    continue;
                }
                FedExJson.TrackResult result = complete.trackResults().get(0);
                if (result.error() != null && result.error().code() != null) {
                    log.info("FedEx cannot track {}: {} – {} (FedEx transaction {})", complete.trackingNumber(),
                            result.error().code(), result.error().message(), response.transactionId());
                    continue;
                }
                found.put(complete.trackingNumber(), FedExMapping.trackingInfo(complete.trackingNumber(), result));
            }
        }
        return found;
    }

    @Override
    public void cancel(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new ProblemException.InvalidInput("trackingNumber", "must not be blank");
        }
        FedExJson.CancelShipmentResponse response = client.call("cancellation", HttpMethod.PUT,
                "/ship/v1/shipments/cancel", FedExMapping.cancelRequest(props, trackingNumber),
                FedExJson.CancelShipmentResponse.class, true);
        if (response.output() == null || !Boolean.TRUE.equals(response.output().cancelledShipment())) {
            String alerts = response.output() == null || response.output().alerts() == null ? ""
                    : ": " + response.output().alerts().stream().map(a -> a.code() + " – " + a.message())
                            .collect(Collectors.joining("; "));
            throw new CarrierRejected(CODE, null, "FedEx did not cancel " + trackingNumber + alerts
                    + " (FedEx transaction " + response.transactionId() + ")", response.transactionId());
        }
    }

    private static byte[] label(FedExJson.PieceResponse piece) {
        FedExJson.PackageDocument document = piece.packageDocuments() == null ? null
                : piece.packageDocuments().stream()
                        .filter(d -> d.contentType() == null || "LABEL".equals(d.contentType()))
                        .findFirst().orElse(null);
        if (document == null || document.encodedLabel() == null) {
            throw new InvalidLabel(CODE, "FedEx returned no label for package " + piece.trackingNumber());
        }
        if (document.docType() != null && !"PDF".equals(document.docType())) {
            throw new InvalidLabel(CODE, "FedEx returned a " + document.docType() + " label for package "
                    + piece.trackingNumber() + " instead of a PDF");
        }
        try {
            return Base64.getMimeDecoder().decode(document.encodedLabel());
        } catch (IllegalArgumentException e) {
            throw new InvalidLabel(CODE, "FedEx's label for package " + piece.trackingNumber() + " is not Base64");
        }
    }

    private static Money charge(FedExJson.TransactionShipment shipment) {
        if (shipment.completedShipmentDetail() == null || shipment.completedShipmentDetail().shipmentRating() == null
                || shipment.completedShipmentDetail().shipmentRating().shipmentRateDetails() == null) {
            return null;
        }
        List<FedExJson.ShipmentRateDetail> details = shipment.completedShipmentDetail().shipmentRating()
                .shipmentRateDetails().stream().filter(d -> d.totalNetCharge() != null && d.currency() != null)
                .toList();
        return details.stream().filter(d -> d.rateType() != null && d.rateType().contains("ACCOUNT")).findFirst()
                .or(() -> details.stream().findFirst())
                .map(d -> FedExMapping.money(d.totalNetCharge(), d.currency())).orElse(null);
    }

    private static void requireText(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("millflow.carriers.fedex." + property
                    + " must be set when millflow.carriers.fedex.enabled is true");
        }
    }
}
