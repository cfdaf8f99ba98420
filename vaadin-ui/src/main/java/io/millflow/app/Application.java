package io.millflow.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Millflow: one application with the engine, the workers, the REST API and the browser UI. */
@SpringBootApplication(scanBasePackages = "io.millflow")
@EntityScan(basePackages = "io.millflow")
@EnableJpaRepositories(basePackages = "io.millflow")
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
