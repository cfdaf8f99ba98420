package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.util.List;

/**
 * A postal address as carriers want it.
 *
 * @param streetLines         one to three lines of street, house number, suite
 * @param city                city or town
 * @param stateOrProvinceCode two-letter state or province where the country has them (US, CA), else null
 * @param postalCode          postal code, null in countries without
 * @param countryCode         ISO 3166-1 alpha-2 code such as DE or US
 * @param residential         whether this is a home rather than a business (some carriers charge more)
 */
public record Address(List<String> streetLines, String city, String stateOrProvinceCode, String postalCode,
        String countryCode, boolean residential) {

    public Address {
        streetLines = streetLines == null ? List.of() : List.copyOf(streetLines);
        if (streetLines.isEmpty() || streetLines.size() > 3 || streetLines.stream().anyMatch(String::isBlank)) {
            throw new ProblemException.InvalidInput("streetLines", "needs one to three non-blank lines");
        }
        if (city == null || city.isBlank()) {
            throw new ProblemException.InvalidInput("city", "must not be blank");
        }
        if (countryCode == null || !countryCode.matches("[A-Z]{2}")) {
            throw new ProblemException.InvalidInput("countryCode", "must be a two-letter ISO 3166 code such as DE");
        }
    }
}
