package io.millflow.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypesTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void recognisesAllowedTypesByTheirFirstBytes() {
        assertThat(FileTypes.detect(bytes("%PDF-1.7 ..."), "a.bin")).contains("application/pdf");
        assertThat(FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}, "x"))
                .contains("image/png");
        assertThat(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "x")).contains("image/jpeg");
        assertThat(FileTypes.detect(bytes("GIF89a..."), "x")).contains("image/gif");
        assertThat(FileTypes.detect(bytes("RIFF\0\0\0\0WEBPVP8 "), "x")).contains("image/webp");
        assertThat(FileTypes.detect(bytes("PK\3\4rest"), "plan.xlsx")).get().asString().contains("spreadsheetml");
        assertThat(FileTypes.detect("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), "data.csv")).contains("text/csv");
        assertThat(FileTypes.detect("Grüße\n".getBytes(StandardCharsets.UTF_8), "notes.txt")).contains("text/plain");
    }

    @Test
    void refusesExecutablesAndUnknownContent() {
        assertThat(FileTypes.detect(bytes("MZ\u0090\0\3\0"), "invoice.pdf")).isEmpty();
        assertThat(FileTypes.detect(bytes("\u007fELF\2\1\1"), "x.pdf")).isEmpty();
        assertThat(FileTypes.detect(bytes("PK\3\4rest"), "tool.jar")).isEmpty();
        assertThat(FileTypes.detect(bytes("text with \0 inside"), "notes.txt")).isEmpty();
        assertThat(FileTypes.detect(bytes("#!/bin/sh\nrm -rf /\n"), "run.sh")).isEmpty();
        assertThat(FileTypes.forbiddenName("setup.EXE")).isTrue();
        assertThat(FileTypes.forbiddenName("report.pdf")).isFalse();
    }

    @Test
    void aDeclaredTypeMustNotContradictTheContent() {
        assertThat(FileTypes.compatible("application/pdf", "application/pdf")).isTrue();
        assertThat(FileTypes.compatible(null, "image/png")).isTrue();
        assertThat(FileTypes.compatible("application/octet-stream", "image/png")).isTrue();
        assertThat(FileTypes.compatible("image/jpg", "image/jpeg")).isTrue();
        assertThat(FileTypes.compatible("application/pdf", "image/png")).isFalse();
        assertThat(FileTypes.compatible("text/plain; charset=utf-8", "text/csv")).isTrue();
    }
}
