package io.millflow.integration.carrier;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The offered carriers: always the manual carrier, FedEx when {@code millflow.carriers.fedex.enabled} is true;
 * labels in {@code millflow.carriers.labels.dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FedExProperties.class)
class CarrierConfiguration {

    @Bean
    LabelStore labelStore(@Value("${millflow.carriers.labels.dir:${millflow.data-dir:./data}/labels}") Path dir,
            Clock clock) {
        return new FileSystemLabelStore(dir, clock);
    }

    @Bean
    ManualCarrier manualCarrier(Clock clock) {
        return new ManualCarrier(clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "millflow.carriers.fedex", name = "enabled", havingValue = "true")
    FedExCarrier fedExCarrier(FedExProperties props, ObjectProvider<RestClient.Builder> http, Clock clock) {
        return new FedExCarrier(props, http.getIfAvailable(RestClient::builder), clock);
    }

    /** Verifies FedEx's webhook calls; refuses all while {@code millflow.carriers.fedex.webhook.secret} is unset. */
    @Bean
    CarrierWebhookVerifier fedExWebhookVerifier(FedExProperties props, Clock clock) {
        return CarrierWebhookVerifier.of(props.webhook(), clock);
    }

    @Bean
    Carriers carriers(List<CarrierGateway> gateways) {
        return new Carriers(gateways);
    }

    @Bean
    ShipmentBooking shipmentBooking(Carriers carriers, LabelStore labels) {
        return new ShipmentBooking(carriers, labels);
    }
}
