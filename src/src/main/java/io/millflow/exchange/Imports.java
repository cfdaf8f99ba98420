package io.millflow.exchange;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Import of CSV and XLSX files in two steps. {@link #preview} reads the file, checks every row (the rules of the
 * services, references to existing data, duplicates in the file) and, when nothing is wrong, runs the whole import
 * in a transaction that is rolled back, so the answer says exactly what a commit would do. {@link #commit} does the
 * same in one transaction that commits only when every row was written: any error and nothing is written
 * (422 {@code import-rejected} with row, column and message of each error). A file committed once per kind (same
 * SHA-256) answers the stored result again instead of importing twice. Roles per kind: {@link ImportKind#roles()};
 * every import writes an audit record (who, kind, file name, hash, rows) besides the services' own records.
 */
@Service
public class Imports {

    /** Largest file taken (the servlet's multipart limit is 11 MB). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Rows shown in a preview. */
    public static final int PREVIEW_ROWS = 50;
    /** Errors listed at most (the count says how many there are). */
    public static final int MAX_LISTED_ERRORS = 1000;

    public record PreviewRow(int row, Map<String, String> values, boolean error) {
    }

    public record Preview(String kind, String fileName, String sha256, int rows, List<String> columns,
            List<PreviewRow> sample, int errorCount, List<RowError> errors, boolean alreadyImported) {

        public boolean valid() {
            return errorCount == 0;
        }
    }

    public record Result(UUID importId, String kind, String fileName, String sha256, int rows, int created,
            String importedBy, Instant importedAt, boolean replayed) {
    }

    private final Map<ImportKind, KindImporter<?>> importers = new EnumMap<>(ImportKind.class);
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    Imports(List<KindImporter<?>> importers, PlatformTransactionManager transactions, JdbcTemplate jdbc,
            AuditService audit, Clock clock) {
        importers.forEach(i -> this.importers.put(i.kind(), i));
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in person may import this kind. */
    public static boolean mayImport(ImportKind kind) {
        return CurrentUser.get().hasAnyRole(kind.roles().toArray(String[]::new));
    }

    static void checkAllowed(ImportKind kind) {
        if (!mayImport(kind)) {
            throw new AccessDeniedException("Importing " + kind.slug() + " needs one of the roles " + kind.roles());
        }
    }

    public Preview preview(ImportKind kind, String fileName, byte[] content) {
        checkAllowed(kind);
        String sha = sha256(checkSize(content));
        Table table = TableReader.read(fileName, content);
        List<RowError> errors = new ArrayList<>();
        Sheet sheet = new Sheet(kind, table, errors);
        boolean already = stored(kind, sha).isPresent();
        if (errors.isEmpty()) {
            KindImporter<?> importer = importers.get(kind);
            tx.executeWithoutResult(status -> {
                try {
                    run(importer, sheet);
                } catch (KindImporter.RowFailure f) {
                    errors.add(f.error());
                }
                status.setRollbackOnly();
            });
        }
        List<RowError> sorted = sortedErrors(errors);
        java.util.Set<Integer> badRows = new java.util.HashSet<>();
        sorted.forEach(e -> badRows.add(e.row()));
        List<PreviewRow> sample = new ArrayList<>();
        List<String> columns = kind.columns().stream().map(ImportColumn::name).toList();
        for (Table.Row r : table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rows().size()))) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String c : columns) {
                String v = sheet.text(r, c);
                values.put(c, v == null ? "" : v);
            }
            sample.add(new PreviewRow(r.number(), values, badRows.contains(r.number())));
        }
        return new Preview(kind.slug(), fileName, sha, table.rows().size(), columns, sample, sorted.size(),
                sorted.subList(0, Math.min(MAX_LISTED_ERRORS, sorted.size())), already);
    }

    /** Imports a file all or nothing; the same file (kind and SHA-256) a second time answers the first result. */
    public Result commit(ImportKind kind, String fileName, byte[] content) {
        checkAllowed(kind);
        String sha = sha256(checkSize(content));
        Optional<Result> earlier = stored(kind, sha);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Table table = TableReader.read(fileName, content);
        List<RowError> errors = new ArrayList<>();
        Sheet sheet = new Sheet(kind, table, errors);
        String actor = CurrentUser.get().username();
        Result result = null;
        if (errors.isEmpty()) {
            KindImporter<?> importer = importers.get(kind);
            result = tx.execute(status -> {
                int created;
                try {
                    created = run(importer, sheet);
                } catch (KindImporter.RowFailure f) {
                    errors.add(f.error());
                    status.setRollbackOnly();
                    return null;
                }
                if (!errors.isEmpty()) {
                    status.setRollbackOnly();
                    return null;
                }
                UUID id = UUID.randomUUID();
                Instant now = clock.instant();
                String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
                name = name.length() > 255 ? name.substring(0, 255) : name;
                jdbc.update("insert into import_job (id, kind, file_name, sha256, row_count, created_count, actor, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, kind.slug(), name, sha, table.rows().size(),
                        created, actor, Timestamp.from(now));
                Result r = new Result(id, kind.slug(), name, sha, table.rows().size(), created, actor, now, false);
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("kind", kind.slug());
                state.put("fileName", name);
                state.put("sha256", sha);
                state.put("rows", table.rows().size());
                state.put("created", created);
                audit.record(actor, "IMPORTED", "Import", id.toString(), null, state);
                return r;
            });
        }
        if (result == null) {
            throw new ImportProblems.Rejected(kind.slug(), table.rows().size(),
                    sortedErrors(errors).subList(0, Math.min(MAX_LISTED_ERRORS, errors.size())));
        }
        return result;
    }

    /** Runs read + write of an importer; read errors stop before anything is written. */
    private static <P> int run(KindImporter<P> importer, Sheet sheet) {
        P plan = importer.read(sheet);
        if (!sheet.errors().isEmpty()) {
            return 0;
        }
        return importer.write(sheet, plan);
    }

    /** A template: the header row and one example row. */
    public byte[] template(ImportKind kind, TableWriter.Format format) {
        List<String> headers = kind.columns().stream().map(ImportColumn::name).toList();
        List<Object> example = new ArrayList<>(kind.columns().stream().map(c -> (Object) c.example()).toList());
        return TableWriter.write(format, kind.label(), headers, List.of(example));
    }

    /** Earlier imports, newest first. */
    public List<Result> history(int limit) {
        return jdbc.query("select id, kind, file_name, sha256, row_count, created_count, actor, created_at from import_job "
                + "order by created_at desc limit ?", (rs, n) -> new Result(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), false), Math.max(1, Math.min(limit, 500)));
    }

    private Optional<Result> stored(ImportKind kind, String sha) {
        return jdbc.query("select id, kind, file_name, sha256, row_count, created_count, actor, created_at from import_job "
                + "where kind = ? and sha256 = ?", (rs, n) -> new Result(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), true), kind.slug(), sha).stream().findFirst();
    }

    private static List<RowError> sortedErrors(List<RowError> errors) {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt(RowError::row));
        return sorted;
    }

    private static byte[] checkSize(byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportProblems.Unreadable("The file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ImportProblems.FileTooLarge(content.length, MAX_BYTES);
        }
        return content;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
