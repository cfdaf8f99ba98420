package io.millflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Millflow: one application with the engine, the workers, the REST API and the browser UI. It sits in
 * the root package so that components, entities, repositories and Vaadin routes of every module are found.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
