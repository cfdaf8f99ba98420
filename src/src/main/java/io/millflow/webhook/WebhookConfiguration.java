package io.millflow.webhook;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The webhook beans; the prod profile tightens the URL rule and requires the secret key (ADR 0029). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    static boolean production(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("prod"));
    }

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhookProperties properties, Environment environment) {
        return new WebhookUrlPolicy(production(environment), properties.allowedNetworks(), InetAddress::getAllByName);
    }

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties, Environment environment,
            @Value("${millflow.data-dir:./data}") String dataDir) {
        return WebhookSecrets.load(properties.secretKey(), production(environment), Path.of(dataDir));
    }

    @Bean
    WebhookSender webhookSender(WebhookProperties properties, WebhookUrlPolicy policy, Clock clock) {
        return new WebhookSender(properties, policy, clock);
    }
}
