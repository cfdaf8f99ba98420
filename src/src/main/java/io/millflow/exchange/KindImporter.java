package io.millflow.exchange;

import io.millflow.shared.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Imports one kind of data. {@link #read} turns every row into the command its service takes and checks all of
 * them (field rules, references to existing data, duplicates within the file), reporting every fault it finds;
 * {@link #write} creates them through the capability's public services inside the caller's transaction and fails
 * with the row at fault when a service refuses one.
 *
 * @param <P> the plan: the commands read from the file, with their row numbers
 */
interface KindImporter<P> {

    ImportKind kind();

    P read(Sheet sheet);

    /** Writes the plan; returns how many records were created. Throws {@link RowFailure} naming the row at fault. */
    int write(Sheet sheet, P plan);

    /** A service refused the command of a row. */
    final class RowFailure extends RuntimeException {
        private final RowError error;

        RowFailure(RowError error, Throwable cause) {
            super(error.message(), cause);
            this.error = error;
        }

        RowError error() {
            return error;
        }
    }

    /** Runs a service call for a row, turning its refusal into a {@link RowFailure} on that row. */
    static <T> T forRow(Sheet sheet, int row, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AccessDeniedException e) {
            throw e;
        } catch (ProblemException e) {
            throw new RowFailure(new RowError(row, sheet.columnOf(e.field()), e.getMessage()), e);
        } catch (DataIntegrityViolationException e) {
            throw new RowFailure(new RowError(row, "", "conflicts with data that already exists"), e);
        }
    }
}
