package io.millflow.integration.carrier;

import io.millflow.integration.carrier.CarrierProblems.InvalidLabel;
import io.millflow.shared.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Labels as files under one folder ({@code millflow.carriers.labels.dir}, by default
 * {@code ${millflow.data-dir}/labels}), one sub-folder per month: {@code 2026/03/fedex-794600000010-1a2b3c4d.pdf}.
 * The reference is that relative path. Files are written under a temporary name and moved into place, so a
 * reader never sees half a label. With several app nodes the folder must be a shared volume.
 */
class FileSystemLabelStore implements LabelStore {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final Path root;
    private final Clock clock;

    FileSystemLabelStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public LabelRef store(String carrier, String trackingNumber, byte[] pdf) {
        if (pdf == null || pdf.length < PDF_MAGIC.length
                || !Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new InvalidLabel(carrier, "The label of " + trackingNumber + " is not a PDF document");
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        String name = safe(carrier) + "-" + safe(trackingNumber) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".pdf";
        String relative = String.format("%04d/%02d/%s", now.getYear(), now.getMonthValue(), name);
        Path target = root.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".label-", ".part");
            try {
                Files.write(temporary, pdf);
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Label of " + trackingNumber + " cannot be written to " + target, e);
        }
        return new LabelRef(relative);
    }

    @Override
    public byte[] read(LabelRef ref) {
        Path file = resolve(ref);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProblemException.NotFound("There is no label " + ref.value());
        } catch (IOException e) {
            throw new UncheckedIOException("Label " + ref.value() + " cannot be read", e);
        }
    }

    /** The file of a reference, refusing references that point outside the folder. */
    private Path resolve(LabelRef ref) {
        if (ref == null || ref.value() == null || ref.value().isBlank()) {
            throw new ProblemException.InvalidInput("label", "must not be blank");
        }
        Path file = root.resolve(ref.value()).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new ProblemException.InvalidInput("label", "is not a label reference: " + ref.value());
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String safe(String part) {
        String cleaned = part == null ? "" : part.replaceAll("[^A-Za-z0-9]", "");
        return cleaned.isEmpty() ? "x" : cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
