package io.millflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requisition bodies and submission for the API tests. */
public final class Requisitions {

    private Requisitions() {
    }

    /** A valid body (needed in 30 days, cost centre CC-1000) that tests may change. */
    public static Map<String, Object> body(String item, Object quantity, Object unitPrice, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemDescription", item);
        body.put("quantity", quantity);
        body.put("unitPrice", unitPrice);
        body.put("currency", currency);
        body.put("neededBy", LocalDate.now().plusDays(30).toString());
        body.put("justification", "Needed on the shop floor");
        body.put("costCentre", "CC-1000");
        return body;
    }

    /** Submits as {@code user} and returns the new requisition's id. */
    public static String submit(Api api, int port, String user, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/purchase-requisitions", Tokens.user(port, user), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }
}
