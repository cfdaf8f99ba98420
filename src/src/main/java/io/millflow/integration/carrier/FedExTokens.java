package io.millflow.integration.carrier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The FedEx OAuth access token (client credentials grant), kept until {@code tokenRefreshBefore} ahead of its
 * {@code expires_in}. Each node keeps its own: a token is cheap to fetch and nothing else depends on it.
 */
class FedExTokens {

    private final Supplier<FedExJson.TokenResponse> fetch;
    private final Clock clock;
    private final Duration refreshBefore;

    private String token;
    private Instant refreshAt = Instant.MIN;

    /**
     * @param fetch asks FedEx's {@code /oauth/token} for a new token (failures surface as {@link CarrierProblems})
     */
    FedExTokens(Supplier<FedExJson.TokenResponse> fetch, Clock clock, Duration refreshBefore) {
        this.fetch = fetch;
        this.clock = clock;
        this.refreshBefore = refreshBefore;
    }

    /** A token that is still good, fetched when there is none or it is about to run out. */
    synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            renew();
        }
        return token;
    }

    /**
     * A new token after FedEx refused {@code rejected} (401, e.g. expired early). When another call has renewed it
     * meanwhile, that newer token is returned without asking FedEx again.
     */
    synchronized String replace(String rejected) {
        if (token == null || token.equals(rejected)) {
            renew();
        }
        return token;
    }

    private void renew() {
        Instant now = clock.instant();
        FedExJson.TokenResponse answer = fetch.get();
        if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new CarrierProblems.CarrierNotAuthorized(FedExCarrier.CODE, null,
                    "FedEx's token endpoint answered without an access_token", null);
        }
        Duration lifetime = Duration.ofSeconds(answer.expiresIn() == null ? 0 : answer.expiresIn());
        Duration keep = lifetime.compareTo(refreshBefore.multipliedBy(2)) > 0 ? lifetime.minus(refreshBefore)
                : lifetime.dividedBy(2);
        token = answer.accessToken();
        refreshAt = now.plus(keep);
    }
}
