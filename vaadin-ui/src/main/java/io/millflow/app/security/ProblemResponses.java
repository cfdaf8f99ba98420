package io.millflow.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.shared.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the bearer-token chains as RFC 7807 problems. */
final class ProblemResponses {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "A valid bearer token is required: " + e.getMessage(), request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Your roles do not allow this action.", request.getRequestURI());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String detail,
            String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(java.net.URI.create(instance));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
