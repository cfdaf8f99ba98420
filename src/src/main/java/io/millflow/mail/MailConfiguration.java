package io.millflow.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail gateway chosen by {@code millflow.mail.gateway} (off, smtp, graph). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailGateway mailGateway(MailProperties props, Clock clock) {
        if (props.inbound().enabled() && props.replyToken().secret() == null) {
            throw new IllegalStateException("millflow.mail.inbound.enabled needs millflow.mail.reply-token.secret");
        }
        MailGateway gateway = switch (props.gateway()) {
            case "smtp" -> new SmtpImapMailGateway(props);
            case "graph" -> new GraphMailGateway(props.graph(), clock, d -> Thread.sleep(d.toMillis()));
            default -> new OffMailGateway();
        };
        log.info("Mail gateway: {}{}", gateway.name(), gateway.name().equals("off")
                ? " (mails stay in the outbox, marked not sent)" : "");
        return gateway;
    }
}
