package io.millflow.integration.carrier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The request and response bodies of FedEx's REST APIs (OAuth, Rates and Transit Times v1, Ship v1, Track v1)
 * as FedEx documents them, reduced to the fields Millflow sends or reads. Responses ignore the many other
 * fields FedEx returns; requests leave out nulls.
 */
final class FedExJson {

    private FedExJson() {
    }

    // ---- shared shapes ----

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountNumber(String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FxAddress(List<String> streetLines, String city, String stateOrProvinceCode, String postalCode,
            String countryCode, Boolean residential) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String personName, String companyName, String phoneNumber) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FxParty(Contact contact, FxAddress address) {
    }

    record FxWeight(String units, BigDecimal value) {
    }

    record FxDimensions(int length, int width, int height, String units) {
    }

    record CustomerReference(String customerReferenceType, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PackageLineItem(Integer sequenceNumber, Integer groupPackageCount, FxWeight weight,
            FxDimensions dimensions, List<CustomerReference> customerReferences) {
    }

    /** FedEx's error answer: {@code {"transactionId": ..., "errors": [{"code": ..., "message": ...}]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorResponse(String transactionId, String customerTransactionId, List<Error> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String code, String message) {
    }

    // ---- OAuth: POST /oauth/token (form encoded) ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") Long expiresIn,
            String scope) {
    }

    // ---- Rates and Transit Times: POST /rate/v1/rates/quotes ----

    record RateQuoteRequest(AccountNumber accountNumber, RequestedRateShipment requestedShipment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestedRateShipment(FxParty shipper, FxParty recipient, String serviceType, String pickupType,
            String packagingType, List<String> rateRequestType, String shipDateStamp, Integer totalPackageCount,
            List<PackageLineItem> requestedPackageLineItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RateQuoteResponse(String transactionId, RateOutput output) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RateOutput(List<RateReplyDetail> rateReplyDetails, List<Alert> alerts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RateReplyDetail(String serviceType, String serviceName, List<RatedShipmentDetail> ratedShipmentDetails) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RatedShipmentDetail(String rateType, BigDecimal totalNetCharge, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(String code, String message, String alertType) {
    }

    // ---- Ship: POST /ship/v1/shipments, PUT /ship/v1/shipments/cancel ----

    record CreateShipmentRequest(String labelResponseOptions, AccountNumber accountNumber,
            RequestedShipment requestedShipment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestedShipment(String shipDatestamp, FxParty shipper, List<FxParty> recipients, String serviceType,
            String packagingType, String pickupType, ShippingChargesPayment shippingChargesPayment,
            LabelSpecification labelSpecification, Integer totalPackageCount,
            List<PackageLineItem> requestedPackageLineItems) {
    }

    record ShippingChargesPayment(String paymentType) {
    }

    record LabelSpecification(String imageType, String labelStockType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateShipmentResponse(String transactionId, ShipOutput output) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShipOutput(List<TransactionShipment> transactionShipments, List<Alert> alerts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransactionShipment(String masterTrackingNumber, String serviceType, List<PieceResponse> pieceResponses,
            CompletedShipmentDetail completedShipmentDetail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PieceResponse(String trackingNumber, List<PackageDocument> packageDocuments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PackageDocument(String contentType, String docType, String encodedLabel, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompletedShipmentDetail(ShipmentRating shipmentRating) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShipmentRating(List<ShipmentRateDetail> shipmentRateDetails) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShipmentRateDetail(String rateType, BigDecimal totalNetCharge, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelShipmentRequest(AccountNumber accountNumber, String senderCountryCode, String deletionControl,
            String trackingNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancelShipmentResponse(String transactionId, CancelOutput output) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancelOutput(Boolean cancelledShipment, String successMessage, List<Alert> alerts) {
    }

    // ---- Track: POST /track/v1/trackingnumbers ----

    record TrackRequest(boolean includeDetailedScans, List<TrackingInfoItem> trackingInfo) {
    }

    record TrackingInfoItem(TrackingNumberInfo trackingNumberInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackingNumberInfo(String trackingNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackResponse(String transactionId, TrackOutput output) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackOutput(List<CompleteTrackResult> completeTrackResults) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompleteTrackResult(String trackingNumber, List<TrackResult> trackResults) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackResult(TrackingNumberInfo trackingNumberInfo, StatusDetail latestStatusDetail,
            List<ScanEvent> scanEvents, List<DateAndTime> dateAndTimes, Error error) {
    }

    /** A dated milestone, e.g. {@code ESTIMATED_DELIVERY}, {@code ACTUAL_DELIVERY}, {@code ACTUAL_PICKUP}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DateAndTime(String type, String dateTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusDetail(String code, String derivedCode, String statusByLocale, String description,
            FxAddress scanLocation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScanEvent(String date, String eventType, String eventDescription, String derivedStatusCode,
            String derivedStatus, FxAddress scanLocation) {
    }
}
