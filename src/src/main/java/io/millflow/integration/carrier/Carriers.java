package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The carriers this installation offers, by code. */
public class Carriers {

    private final Map<String, CarrierGateway> byCode = new LinkedHashMap<>();

    public Carriers(List<CarrierGateway> gateways) {
        for (CarrierGateway gateway : gateways) {
            if (byCode.putIfAbsent(gateway.code(), gateway) != null) {
                throw new IllegalStateException("Two carriers have the code " + gateway.code());
            }
        }
    }

    /**
     * @throws ProblemException.InvalidInput naming {@code carrier} when no carrier has this code
     */
    public CarrierGateway get(String code) {
        CarrierGateway gateway = code == null ? null : byCode.get(code);
        if (gateway == null) {
            throw new ProblemException.InvalidInput("carrier", "is not an offered carrier: " + code
                    + " (offered: " + String.join(", ", byCode.keySet()) + ")");
        }
        return gateway;
    }

    /** Codes of the offered carriers. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
