package io.millflow.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Uploads import files to {@code /api/v1/imports/…} (multipart, part {@code file}) and builds CSV/XLSX files. */
public final class ImportFiles {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, JsonNode body, String raw, byte[] bytes, String contentType) {
    }

    private ImportFiles() {
    }

    public static Answer upload(int port, String path, String token, String fileName, byte[] content) {
        String boundary = "----millflow" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
    }

    public static Answer get(int port, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), token);
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json, application/problem+json, */*");
        try {
            HttpResponse<byte[]> r = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            String raw = new String(r.body(), StandardCharsets.UTF_8);
            JsonNode json = ct.contains("json") && !raw.isBlank() ? Api.json().readTree(raw) : null;
            return new Answer(r.statusCode(), json, raw, r.body(), ct);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A CSV file (comma-separated, RFC 4180 quoting of values with commas or quotes). */
    public static byte[] csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        rows.forEach(r -> line(sb, r));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i);
            sb.append(i == 0 ? "" : ",").append(v.contains(",") || v.contains("\"")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        sb.append("\r\n");
    }

    /** An XLSX file whose cells are numbers where a value is a Number, dates for LocalDate, else text. */
    public static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Data");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
