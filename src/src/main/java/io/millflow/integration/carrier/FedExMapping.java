package io.millflow.integration.carrier;

import io.millflow.integration.carrier.FedExJson.AccountNumber;
import io.millflow.integration.carrier.FedExJson.Contact;
import io.millflow.integration.carrier.FedExJson.CustomerReference;
import io.millflow.integration.carrier.FedExJson.FxAddress;
import io.millflow.integration.carrier.FedExJson.FxDimensions;
import io.millflow.integration.carrier.FedExJson.FxParty;
import io.millflow.integration.carrier.FedExJson.FxWeight;
import io.millflow.integration.carrier.FedExJson.PackageLineItem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Carrier-neutral records to FedEx's JSON and back. */
final class FedExMapping {

    /** FedEx's own codes for some currencies, where they differ from ISO 4217. */
    private static final Map<String, String> CURRENCIES = Map.of("UKL", "GBP", "JYE", "JPY", "NTD", "TWD",
            "SID", "SGD", "DHS", "AED", "WON", "KRW", "RMB", "CNY", "NMP", "MXN");

    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX");

    private FedExMapping() {
    }

    static FedExJson.RateQuoteRequest rateRequest(FedExProperties props, RateRequest request) {
        return new FedExJson.RateQuoteRequest(new AccountNumber(props.accountNumber()),
                new FedExJson.RequestedRateShipment(party(request.shipper()), party(request.recipient()),
                        request.serviceCode(), props.pickupType(), props.packagingType(), List.of("ACCOUNT", "LIST"),
                        request.shipDate().toString(), request.parcels().size(), lineItems(request.parcels(), null)));
    }

    static FedExJson.CreateShipmentRequest shipmentRequest(FedExProperties props, ShipmentRequest request) {
        return new FedExJson.CreateShipmentRequest("LABEL", new AccountNumber(props.accountNumber()),
                new FedExJson.RequestedShipment(request.shipDate().toString(), party(request.shipper()),
                        List.of(party(request.recipient())), request.serviceCode(), props.packagingType(),
                        props.pickupType(), new FedExJson.ShippingChargesPayment("SENDER"),
                        new FedExJson.LabelSpecification("PDF", props.labelStockType()), request.parcels().size(),
                        lineItems(request.parcels(), request.reference())));
    }

    static FedExJson.TrackRequest trackRequest(String trackingNumber) {
        return trackRequest(List.of(trackingNumber));
    }

    static FedExJson.TrackRequest trackRequest(List<String> trackingNumbers) {
        return new FedExJson.TrackRequest(true, trackingNumbers.stream()
                .map(n -> new FedExJson.TrackingInfoItem(new FedExJson.TrackingNumberInfo(n))).toList());
    }

    /**
     * One track result (of the Track API or of a webhook push, which has the same shape) as carrier-neutral
     * tracking: the events oldest first; the status from the latest status detail, else from the newest event.
     */
    static TrackingInfo trackingInfo(String trackingNumber, FedExJson.TrackResult result) {
        List<TrackingEvent> events = (result.scanEvents() == null ? List.<FedExJson.ScanEvent>of()
                : result.scanEvents()).stream().map(FedExMapping::event)
                .sorted(Comparator.comparing(TrackingEvent::occurredAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        FedExJson.StatusDetail latest = result.latestStatusDetail();
        TrackingStatus status = latest == null ? TrackingStatus.UNKNOWN : status(latest.code());
        if (status == TrackingStatus.UNKNOWN && latest != null) {
            status = status(latest.derivedCode());
        }
        if (status == TrackingStatus.UNKNOWN && !events.isEmpty()) {
            status = events.get(events.size() - 1).status();
        }
        String description = latest == null ? null
                : latest.statusByLocale() != null ? latest.statusByLocale() : latest.description();
        Instant estimated = result.dateAndTimes() == null ? null : result.dateAndTimes().stream()
                .filter(d -> "ESTIMATED_DELIVERY".equals(d.type())).map(d -> instant(d.dateTime()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new TrackingInfo(trackingNumber, status, description, events, estimated);
    }

    static FedExJson.CancelShipmentRequest cancelRequest(FedExProperties props, String trackingNumber) {
        return new FedExJson.CancelShipmentRequest(new AccountNumber(props.accountNumber()),
                props.senderCountryCode(), "DELETE_ALL_PACKAGES", trackingNumber);
    }

    /** One quote per service: the account (negotiated) rate as charge, the list rate beside it; cheapest first. */
    static List<RateQuote> quotes(FedExJson.RateQuoteResponse response) {
        if (response.output() == null || response.output().rateReplyDetails() == null) {
            return List.of();
        }
        List<RateQuote> quotes = new ArrayList<>();
        for (FedExJson.RateReplyDetail detail : response.output().rateReplyDetails()) {
            List<FedExJson.RatedShipmentDetail> rated = detail.ratedShipmentDetails() == null ? List.of()
                    : detail.ratedShipmentDetails().stream().filter(r -> r.totalNetCharge() != null).toList();
            Money account = rate(rated, "ACCOUNT");
            Money list = rate(rated, "LIST");
            Money charge = account != null ? account : list != null ? list
                    : rated.isEmpty() ? null : money(rated.get(0).totalNetCharge(), rated.get(0).currency());
            if (charge != null) {
                quotes.add(new RateQuote(new ServiceType(detail.serviceType(),
                        detail.serviceName() == null ? detail.serviceType() : detail.serviceName()), charge, list));
            }
        }
        quotes.sort(Comparator.comparing(q -> q.charge().amount()));
        return List.copyOf(quotes);
    }

    static Money money(java.math.BigDecimal amount, String currency) {
        return new Money(amount, CURRENCIES.getOrDefault(currency, currency));
    }

    /** The event time as FedEx writes it: ISO with offset, also {@code 2024-08-12T15:18:10 -0500}. */
    static Instant instant(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        String value = date.strip().replaceFirst(" (?=[+-]\\d{2}:?\\d{2}$)", "");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return OffsetDateTime.parse(value, COMPACT_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** FedEx status and scan codes ({@code derivedStatusCode}, {@code code}) to Millflow's status. */
    static TrackingStatus status(String code) {
        if (code == null) {
            return TrackingStatus.UNKNOWN;
        }
        return switch (code) {
            case "OC", "IN", "LC" -> TrackingStatus.LABEL_CREATED;
            case "PU", "PX" -> TrackingStatus.PICKED_UP;
            case "IT", "IX", "AR", "AF", "DP", "OF", "FD", "LO", "PF", "PL", "SF", "AA", "EA", "ED", "EO", "CC", "CP",
                    "TR", "HL", "AD" -> TrackingStatus.IN_TRANSIT;
            case "OD" -> TrackingStatus.OUT_FOR_DELIVERY;
            case "DL" -> TrackingStatus.DELIVERED;
            case "DE", "SE", "CD", "DY", "DD", "PD" -> TrackingStatus.EXCEPTION;
            case "RS" -> TrackingStatus.RETURNED_TO_SHIPPER;
            case "CA" -> TrackingStatus.CANCELLED;
            default -> TrackingStatus.UNKNOWN;
        };
    }

    /** A scan event; its detailed {@code eventType} decides, the coarser {@code derivedStatusCode} if that is unknown. */
    static TrackingEvent event(FedExJson.ScanEvent scan) {
        TrackingStatus status = status(scan.eventType());
        if (status == TrackingStatus.UNKNOWN) {
            status = status(scan.derivedStatusCode());
        }
        return new TrackingEvent(instant(scan.date()), status, scan.eventType(),
                scan.eventDescription() != null ? scan.eventDescription() : scan.derivedStatus(),
                location(scan.scanLocation()));
    }

    static String location(FxAddress address) {
        if (address == null || address.city() == null || address.city().isBlank()) {
            return null;
        }
        return address.countryCode() == null ? address.city() : address.city() + ", " + address.countryCode();
    }

    private static Money rate(List<FedExJson.RatedShipmentDetail> rated, String type) {
        return rated.stream().filter(r -> type.equals(r.rateType())).findFirst()
                .map(r -> money(r.totalNetCharge(), r.currency())).orElse(null);
    }

    private static FxParty party(Party party) {
        Address a = party.address();
        Contact contact = party.personName() == null && party.companyName() == null && party.phoneNumber() == null
                ? null : new Contact(party.personName(), party.companyName(), party.phoneNumber());
        return new FxParty(contact, new FxAddress(a.streetLines(), a.city(), a.stateOrProvinceCode(),
                a.postalCode(), a.countryCode(), a.residential()));
    }

    private static List<PackageLineItem> lineItems(List<Parcel> parcels, String reference) {
        List<PackageLineItem> items = new ArrayList<>();
        for (int i = 0; i < parcels.size(); i++) {
            Parcel parcel = parcels.get(i);
            Dimensions d = parcel.dimensions();
            items.add(new PackageLineItem(i + 1, 1,
                    new FxWeight(parcel.weight().unit().name(), parcel.weight().value()),
                    d == null ? null : new FxDimensions(d.length(), d.width(), d.height(), d.unit().name()),
                    reference == null ? null : List.of(new CustomerReference("CUSTOMER_REFERENCE", reference))));
        }
        return items;
    }
}
