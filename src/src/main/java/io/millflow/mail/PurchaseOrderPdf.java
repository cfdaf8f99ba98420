package io.millflow.mail;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.SupplierViews.AddressView;
import io.millflow.procurement.SupplierViews.SupplierView;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The purchase order as a PDF for the supplier (OpenPDF): header, supplier address, lines, total. */
final class PurchaseOrderPdf {

    private static final Map<String, String[]> LABELS = Map.of(
            "en", new String[] {"Purchase order", "Revision", "Date", "Supplier", "Buyer", "Line", "Item",
                    "Description", "Quantity", "Unit price", "Amount", "Delivery", "Total", "cancelled"},
            "de", new String[] {"Bestellung", "Revision", "Datum", "Lieferant", "Einkäufer", "Pos.", "Artikel",
                    "Beschreibung", "Menge", "Preis", "Betrag", "Liefertermin", "Summe", "storniert"});

    private PurchaseOrderPdf() {
    }

    static byte[] render(PurchaseOrderView po, SupplierView supplier, String companyName, String language,
            ZoneId zone) {
        String[] l = LABELS.getOrDefault(language, LABELS.get("en"));
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(l[0] + " " + po.number());
            doc.addCreator("Millflow");
            doc.open();
            doc.add(new Paragraph(companyName, bold));
            doc.add(new Paragraph(l[0] + " " + po.number(), title));
            LocalDate date = po.sentAt() == null ? LocalDate.now(zone) : po.sentAt().atZone(zone).toLocalDate();
            doc.add(new Paragraph(l[1] + ": " + (po.sentRevision() != null ? po.sentRevision() : po.revision())
                    + "    " + l[2] + ": " + date.format(DateTimeFormatter.ISO_LOCAL_DATE)
                    + (po.buyer() == null ? "" : "    " + l[4] + ": " + po.buyer()), normal));
            doc.add(new Paragraph(" "));
            StringBuilder address = new StringBuilder(l[3] + ": " + nz(po.supplierName())
                    + (po.supplierCode() == null ? "" : " (" + po.supplierCode() + ")"));
            if (supplier != null) {
                supplier.addresses().stream().filter(a -> a.kind().name().equals("ORDERING")).findFirst()
                        .or(() -> supplier.addresses().stream().findFirst())
                        .ifPresent(a -> address.append('\n').append(format(a)));
            }
            doc.add(new Paragraph(address.toString(), normal));
            doc.add(new Paragraph(" "));

            PdfPTable table = new PdfPTable(new float[] {5, 12, 30, 12, 12, 13, 13});
            table.setWidthPercentage(100);
            addHeader(table, bold, l[5], l[6], l[7], l[8], l[9], l[10], l[11]);
            for (PurchaseOrderLineView line : po.lines()) {
                table.addCell(new Phrase(Integer.toString(line.lineNo()), normal));
                table.addCell(new Phrase(line.supplierSku() != null ? line.supplierSku() : nz(line.sku()), normal));
                table.addCell(new Phrase(nz(line.description()) + (line.cancelled() ? " (" + l[13] + ")" : ""),
                        normal));
                table.addCell(right(plain(line.quantity()) + " " + nz(line.unit()), normal));
                table.addCell(right(money(line.unitPrice()), normal));
                table.addCell(right(money(line.lineAmount()), normal));
                table.addCell(new Phrase(line.deliveryDate() == null ? "" : line.deliveryDate().toString(), normal));
            }
            doc.add(table);
            Paragraph total = new Paragraph(l[12] + ": " + money(po.totalAmount()) + " " + nz(po.currency()), bold);
            total.setAlignment(Element.ALIGN_RIGHT);
            doc.add(total);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The purchase order PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static void addHeader(PdfPTable table, Font font, String... headers) {
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, font));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }

    private static String format(AddressView a) {
        StringBuilder s = new StringBuilder(nz(a.line1()));
        if (a.line2() != null && !a.line2().isBlank()) {
            s.append('\n').append(a.line2());
        }
        s.append('\n').append(nz(a.postalCode())).append(' ').append(nz(a.city()));
        if (a.region() != null && !a.region().isBlank()) {
            s.append(", ").append(a.region());
        }
        return s.append('\n').append(nz(a.country())).toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
