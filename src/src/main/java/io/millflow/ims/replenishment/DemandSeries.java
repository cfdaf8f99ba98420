package io.millflow.ims.replenishment;

import io.millflow.ims.MovementType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Daily demand of one item in one warehouse: the quantity issued on each calendar day, day 0 being
 * {@link #start()}. Immutable. {@link #upTo(int)} gives the first days as a view without copying, which is
 * how a backtest forecasts from the past only.
 */
public final class DemandSeries {

    private final LocalDate start;
    private final double[] quantities;
    private final int length;

    private DemandSeries(LocalDate start, double[] quantities, int length) {
        this.start = start;
        this.quantities = quantities;
        this.length = length;
    }

    /** A series of the given daily quantities (copied); they must be finite and not negative. */
    public static DemandSeries of(LocalDate start, double... quantities) {
        if (start == null) {
            throw new IllegalArgumentException("start is required");
        }
        for (int i = 0; i < quantities.length; i++) {
            if (!(quantities[i] >= 0) || Double.isInfinite(quantities[i])) {
                throw new IllegalArgumentException("day " + i + ": demand must be a finite, non-negative number, was "
                        + quantities[i]);
            }
        }
        return new DemandSeries(start, quantities.clone(), quantities.length);
    }

    /** Collects issue moves into a series covering {@code from} to {@code to}, both inclusive. */
    public static Builder builder(LocalDate from, LocalDate to) {
        return new Builder(from, to);
    }

    public LocalDate start() {
        return start;
    }

    /** Number of days in the series. */
    public int length() {
        return length;
    }

    public double get(int day) {
        if (day < 0 || day >= length) {
            throw new IndexOutOfBoundsException("day " + day + " of " + length);
        }
        return quantities[day];
    }

    public LocalDate dateOf(int day) {
        return start.plusDays(day);
    }

    /** The first {@code days} days; shares the data, copies nothing. */
    public DemandSeries upTo(int days) {
        if (days < 0 || days > length) {
            throw new IndexOutOfBoundsException(days + " days of " + length);
        }
        return days == length ? this : new DemandSeries(start, quantities, days);
    }

    public double total() {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += quantities[i];
        }
        return sum;
    }

    /** Mean demand per calendar day (0 for an empty series). */
    public double mean() {
        return length == 0 ? 0 : total() / length;
    }

    public double[] toArray() {
        return Arrays.copyOf(quantities, length);
    }

    /** The backing array; only its first {@link #length()} entries belong to this series. Never written. */
    double[] values() {
        return quantities;
    }

    @Override
    public String toString() {
        return "DemandSeries[" + start + ", " + length + " days, total " + total() + "]";
    }

    /**
     * Builds a series from stock moves: issues to a cost centre, a project or production (201, 221, 261)
     * are demand; their reversals (202, 222, 262) take it back. Other movement types are ignored. A reversal
     * posted on a later day than its issue cancels the latest demand before it, so no day turns negative.
     */
    public static final class Builder {

        private final LocalDate from;
        private final double[] quantities;

        private Builder(LocalDate from, LocalDate to) {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("need from <= to, was " + from + " .. " + to);
            }
            this.from = from;
            this.quantities = new double[Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1)];
        }

        /** Adds one move; moves outside the period and of types that are not demand are ignored. */
        public Builder add(LocalDate date, MovementType type, double quantity) {
            if (!(quantity >= 0) || Double.isInfinite(quantity)) {
                throw new IllegalArgumentException("quantity must be a finite, non-negative number, was " + quantity);
            }
            int sign = demandSign(type);
            long day = ChronoUnit.DAYS.between(from, date);
            if (sign != 0 && day >= 0 && day < quantities.length) {
                quantities[(int) day] += sign * quantity;
            }
            return this;
        }

        public DemandSeries build() {
            double[] q = quantities.clone();
            double carry = 0;
            for (int d = q.length - 1; d >= 0; d--) {
                double v = q[d] + carry;
                if (v < 0) {
                    carry = v;
                    q[d] = 0;
                } else {
                    q[d] = v;
                    carry = 0;
                }
            }
            return new DemandSeries(from, q, q.length);
        }

        private static int demandSign(MovementType type) {
            return switch (type) {
                case ISSUE_COST_CENTRE, ISSUE_PROJECT, ISSUE_PRODUCTION -> 1;
                case ISSUE_COST_CENTRE_REVERSAL, ISSUE_PROJECT_REVERSAL, ISSUE_PRODUCTION_REVERSAL -> -1;
                default -> 0;
            };
        }
    }
}
