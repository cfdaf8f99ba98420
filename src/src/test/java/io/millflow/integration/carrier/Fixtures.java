package io.millflow.integration.carrier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Parties, parcels and documented FedEx answers shared by the carrier tests. */
final class Fixtures {

    static final LocalDate SHIP_DATE = LocalDate.of(2026, 3, 2);

    private Fixtures() {
    }

    static Party shipper() {
        return new Party("Anna Berger", "Millflow Demo GmbH", "+4922112345670",
                new Address(List.of("Industriestrasse 12"), "Koeln", null, "50829", "DE", false));
    }

    static Party recipient() {
        return new Party("John Miller", "Acme Tooling Inc.", "9015551234",
                new Address(List.of("3875 Airways Blvd", "Suite 200"), "Memphis", "TN", "38116", "US", false));
    }

    static List<Parcel> twoParcels() {
        return List.of(new Parcel(Weight.kg("12.5"), Dimensions.cm(60, 40, 30)),
                new Parcel(Weight.kg("3.2"), null));
    }

    static RateRequest rateRequest() {
        return new RateRequest(Party.at(shipper().address()), Party.at(recipient().address()), twoParcels(), SHIP_DATE,
                null);
    }

    static ShipmentRequest shipmentRequest() {
        return new ShipmentRequest("DN-2026-000042", shipper(), recipient(), twoParcels(),
                "FEDEX_INTERNATIONAL_PRIORITY", SHIP_DATE, null);
    }

    /** A small but well-formed one-page PDF, as a carrier label is. */
    static byte[] pdf(String text) {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 288 432]>>endobj\n"
                + "% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    /** A documented FedEx answer from {@code src/test/resources/fedex}. */
    static String fedex(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fedex/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
