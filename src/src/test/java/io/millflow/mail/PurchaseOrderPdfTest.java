package io.millflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.millflow.procurement.AddressKind;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.SupplierViews.AddressView;
import io.millflow.procurement.SupplierViews.SupplierView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseOrderPdfTest {

    @Test
    void thePdfShowsNumberSupplierLinesAndTotal() throws Exception {
        UUID supplierId = UUID.randomUUID();
        PurchaseOrderLineView line = new PurchaseOrderLineView(UUID.randomUUID(), 1, UUID.randomUUID(), "SKU-1",
                "ACME-77", "Hydraulic seal kit", new BigDecimal("12"), "EA", new BigDecimal("10.50"),
                new BigDecimal("126.00"), LocalDate.parse("2026-12-15"), "OPEN", null, null, null, null, null, null,
                new BigDecimal("12"), false, false);
        PurchaseOrderView po = new PurchaseOrderView(UUID.randomUUID(), "PO-2026-000777", "SENT", supplierId, "ACME",
                "ACME Industrial Supply GmbH", UUID.randomUUID(), "EUR", new BigDecimal("126.00"), 1, 1, "buyer",
                Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-26T09:00:00Z"), null, null, null,
                List.of(line), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        SupplierView supplier = new SupplierView(supplierId, "ACME", "ACME Industrial Supply GmbH", null, "EUR",
                "NET30", 30, null, false, null, "orders@acme.example", null, null,
                List.of(new AddressView(AddressKind.ORDERING, "Industriestraße 5", null, "80331", "München", null,
                        "DE")), List.of(), null, null, 0);

        byte[] pdf = PurchaseOrderPdf.render(po, supplier, "Millflow Manufacturing", "de", ZoneId.of("Europe/Berlin"));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Bestellung PO-2026-000777").contains("ACME Industrial Supply GmbH")
                .contains("80331 München").contains("Hydraulic seal kit").contains("12 EA").contains("10.50")
                .contains("126.00 EUR").contains("2026-12-15");
    }
}
