package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;

/**
 * Sender or recipient of a shipment: whom the carrier asks for, and where.
 *
 * @param personName  contact person
 * @param companyName company, or null for private persons
 * @param phoneNumber phone number the carrier may call
 * @param address     postal address
 */
public record Party(String personName, String companyName, String phoneNumber, Address address) {

    public Party {
        if (address == null) {
            throw new ProblemException.InvalidInput("address", "is required");
        }
    }

    /** A party known only by its address, enough for rate quotes. */
    public static Party at(Address address) {
        return new Party(null, null, null, address);
    }
}
