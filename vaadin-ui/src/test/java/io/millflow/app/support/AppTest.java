package io.millflow.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import io.millflow.procurement.PurchaseOrders;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole app on a random port, embedded PostgreSQL in a fresh folder, demo users (profile dev).
 * Every test class shares this one context (one engine, one scheduler per JVM); {@link PurchaseOrders}
 * is a Mockito spy that behaves as the real service unless a fault test stubs it (reset after each test). FedEx is
 * the WireMock stand-in of {@link FedExSandbox}; mail goes through the GreenMail of {@link MailSandbox}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
@MockitoSpyBean(types = PurchaseOrders.class)
@ContextConfiguration(initializers = {FedExSandbox.class, MailSandbox.class})
public @interface AppTest {
}
