package io.millflow.integration.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The carrier beans and the binding of {@code millflow.carriers.*}. */
class CarrierConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CarrierConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void withoutFedExOnlyTheManualCarrierIsOfferedAndLabelsGoToTheDataDir() {
        context.withPropertyValues("millflow.data-dir=" + dataDir).run(app -> {
            assertThat(app.getBean(Carriers.class).codes()).containsExactly("manual");
            LabelRef ref = app.getBean(LabelStore.class).store("fedex", "1", Fixtures.pdf("x"));
            assertThat(dataDir.resolve("labels").resolve(ref.value())).isRegularFile();
        });
    }

    @Test
    void fedExIsOfferedWhenEnabledAndItsPropertiesBind() {
        context.withPropertyValues("millflow.carriers.labels.dir=" + dataDir.resolve("elsewhere"),
                "millflow.carriers.fedex.enabled=true",
                "millflow.carriers.fedex.client-id=id",
                "millflow.carriers.fedex.client-secret=secret",
                "millflow.carriers.fedex.account-number=740561073",
                "millflow.carriers.fedex.read-timeout=12s",
                "millflow.carriers.fedex.retry.max-attempts=5",
                "millflow.carriers.fedex.retry.initial-backoff=250ms",
                "millflow.carriers.fedex.circuit-breaker.open-duration=2m",
                "millflow.carriers.fedex.webhook.secret=token",
                "millflow.carriers.fedex.webhook.require-timestamp=false").run(app -> {
                    assertThat(app.getBean(Carriers.class).codes()).containsExactlyInAnyOrder("manual", "fedex");
                    FedExProperties props = app.getBean(FedExProperties.class);
                    assertThat(props.baseUrl()).isEqualTo(FedExProperties.SANDBOX);
                    assertThat(props.readTimeout()).isEqualTo(Duration.ofSeconds(12));
                    assertThat(props.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(props.retry().maxAttempts()).isEqualTo(5);
                    assertThat(props.retry().backoff(3)).isEqualTo(Duration.ofSeconds(1));
                    assertThat(props.circuitBreaker().openDuration()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(props.webhook().requireTimestamp()).isFalse();
                    assertThat(props.webhook().signatureHeader()).isEqualTo("fdx-signature");
                    LabelRef ref = app.getBean(LabelStore.class).store("fedex", "1", Fixtures.pdf("x"));
                    assertThat(dataDir.resolve("elsewhere").resolve(ref.value())).isRegularFile();
                });
    }

    @Test
    void fedExEnabledWithoutCredentialsStopsTheStart() {
        context.withPropertyValues("millflow.data-dir=" + dataDir, "millflow.carriers.fedex.enabled=true")
                .run(app -> assertThat(app).hasFailed().getFailure()
                        .hasStackTraceContaining("millflow.carriers.fedex.client-id must be set"));
    }
}
