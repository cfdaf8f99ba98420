package io.millflow.integration.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.integration.carrier.CarrierProblems.InvalidLabel;
import io.millflow.shared.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemLabelStoreTest {

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void storesThePdfUnderTheMonthAndReadsItBack() throws IOException {
        FileSystemLabelStore store = new FileSystemLabelStore(root, clock);
        byte[] pdf = Fixtures.pdf("label");

        LabelRef ref = store.store("fedex", "7949 5355/5571", pdf);

        assertThat(ref.value()).matches("2026/03/fedex-794953555571-[0-9a-f]{8}\\.pdf");
        assertThat(Files.readAllBytes(root.resolve(ref.value()))).isEqualTo(pdf);
        assertThat(store.read(ref)).isEqualTo(pdf);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void twoLabelsOfOneTrackingNumberDoNotOverwriteEachOther() {
        FileSystemLabelStore store = new FileSystemLabelStore(root, clock);

        LabelRef first = store.store("fedex", "794953555571", Fixtures.pdf("first"));
        LabelRef second = store.store("fedex", "794953555571", Fixtures.pdf("second"));

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(store.read(first), StandardCharsets.US_ASCII)).contains("first");
    }

    @Test
    void refusesBytesThatAreNotAPdf() {
        FileSystemLabelStore store = new FileSystemLabelStore(root, clock);

        assertThatThrownBy(() -> store.store("fedex", "1", "<html>".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidLabel.class).hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> store.store("fedex", "1", new byte[0])).isInstanceOf(InvalidLabel.class);
        assertThat(root.toFile().list()).isEmpty();
    }

    @Test
    void refusesReferencesOutsideTheFolderAndAnswersNotFoundForMissingOnes() throws IOException {
        Path secret = Files.writeString(root.resolveSibling(root.getFileName() + "-secret.pdf"), "%PDF-secret");
        FileSystemLabelStore store = new FileSystemLabelStore(root, clock);
        try {
            assertThatThrownBy(() -> store.read(new LabelRef("../" + secret.getFileName())))
                    .isInstanceOf(ProblemException.InvalidInput.class);
            assertThatThrownBy(() -> store.read(new LabelRef(secret.toString())))
                    .isInstanceOf(ProblemException.InvalidInput.class);
            assertThatThrownBy(() -> store.read(new LabelRef("2026/03/none.pdf")))
                    .isInstanceOf(ProblemException.NotFound.class);
        } finally {
            Files.deleteIfExists(secret);
        }
    }
}
