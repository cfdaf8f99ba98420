package io.millflow.ims.replenishment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic demand for backtests, benchmarks and demo data: item {@code i} of a generator with seed
 * {@code s} is always the same series, on every machine, whatever other items are generated.
 * <p>
 * The plant works Monday to Friday, so weekends have no demand. Items cycle through five patterns:
 * <ul>
 * <li>{@link Pattern#SMOOTH}: a steady rate, day-of-week profile, over-dispersed Poisson noise;</li>
 * <li>{@link Pattern#SEASONAL}: the same with a yearly swing of ±30–70 %;</li>
 * <li>{@link Pattern#TRENDING}: a rate growing by 30–100 % or shrinking by 20–40 % a year;</li>
 * <li>{@link Pattern#INTERMITTENT}: demand on 4–30 % of working days, sizes of 1 plus a small Poisson;</li>
 * <li>{@link Pattern#LUMPY}: demand on 2–15 % of working days, log-normal sizes spread wide.</li>
 * </ul>
 * Each item also gets a lead time (3–21 days), a pack size and a minimum order quantity that fit its volume.
 * Randomness comes from {@link SplittableRandom} seeded per item and from this class's own samplers, so the
 * numbers do not depend on the JDK's Gaussian implementation.
 */
public final class DemandGenerator {

    /** The seed of the data set that acceptance tests and demo data use. */
    public static final long DEFAULT_SEED = 5L;
    /** First day of generated series, a Monday. */
    public static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static final int[] LEAD_TIMES = {3, 5, 7, 10, 14, 21};
    private static final double[] PACK_SIZES = {1, 2, 5, 10, 12, 20, 25, 50};
    private static final double[] WEEKDAY_PROFILE = {1.15, 1.05, 1.0, 1.0, 0.8};

    public enum Pattern {
        SMOOTH, SEASONAL, TRENDING, INTERMITTENT, LUMPY
    }

    /**
     * One generated item-warehouse pair.
     *
     * @param index its number in the generator
     * @param sku a readable key, e.g. {@code GEN-00042}
     * @param pattern how its demand was made
     * @param demand its daily demand
     * @param leadTimeDays its replenishment lead time
     * @param minimumOrderQuantity its supplier's minimum order quantity
     * @param packSize its order multiple
     */
    public record GeneratedItem(int index, String sku, Pattern pattern, DemandSeries demand, int leadTimeDays,
            double minimumOrderQuantity, double packSize) {
    }

    private final long seed;
    private final int days;

    public DemandGenerator(long seed, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive, was " + days);
        }
        if (START.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalStateException("START must be a Monday");
        }
        this.seed = seed;
        this.days = days;
    }

    /** The acceptance data set's generator: two years of daily demand. */
    public static DemandGenerator twoYears() {
        return new DemandGenerator(DEFAULT_SEED, 730);
    }

    /** Items {@code 0 .. count-1}. */
    public List<GeneratedItem> items(int count) {
        List<GeneratedItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item(i));
        }
        return items;
    }

    public GeneratedItem item(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        Pattern pattern = Pattern.values()[index % Pattern.values().length];
        double[] weekday = weekdayProfile(random);
        double[] y = new double[days];
        double meanDaily;
        switch (pattern) {
            case SMOOTH, SEASONAL, TRENDING -> {
                double rate = logUniform(random, 4, 80);
                double noise = uniform(random, 0.05, 0.35);
                double amplitude = pattern == Pattern.SEASONAL ? uniform(random, 0.3, 0.7) : 0;
                double phase = uniform(random, 0, 2 * Math.PI);
                double growth = pattern != Pattern.TRENDING ? 0
                        : random.nextDouble() < 0.7 ? uniform(random, 0.3, 1.0) : -uniform(random, 0.2, 0.4);
                for (int t = 0; t < days; t++) {
                    int dow = t % 7;
                    if (dow < 5) {
                        double season = 1 + amplitude * Math.sin(2 * Math.PI * t / 365.25 + phase);
                        double lambda = rate * weekday[dow] * season
                                * Math.max(0.05, 1 + growth * t / 365.0)
                                * Math.exp(noise * gaussian(random) - noise * noise / 2);
                        y[t] = poisson(random, lambda);
                    }
                }
                meanDaily = rate * 5 / 7;
            }
            case INTERMITTENT -> {
                double probability = uniform(random, 0.04, 0.3);
                double extra = uniform(random, 0.5, 4);
                for (int t = 0; t < days; t++) {
                    if (t % 7 < 5 && random.nextDouble() < probability) {
                        y[t] = 1 + poisson(random, extra);
                    }
                }
                meanDaily = probability * (1 + extra) * 5 / 7;
            }
            case LUMPY -> {
                double probability = uniform(random, 0.02, 0.15);
                double median = logUniform(random, 3, 40);
                double spread = uniform(random, 0.9, 1.3);
                for (int t = 0; t < days; t++) {
                    if (t % 7 < 5 && random.nextDouble() < probability) {
                        y[t] = Math.ceil(median * Math.exp(spread * gaussian(random)));
                    }
                }
                meanDaily = probability * median * Math.exp(spread * spread / 2) * 5 / 7;
            }
            default -> throw new IllegalStateException(pattern.toString());
        }
        int leadTime = LEAD_TIMES[random.nextInt(LEAD_TIMES.length)];
        double packSize = packSize(random, meanDaily);
        double moq = packSize * Math.max(1, Math.round(meanDaily * uniform(random, 0, 10) / packSize));
        return new GeneratedItem(index, "GEN-%05d".formatted(index), pattern, DemandSeries.of(START, y), leadTime,
                moq, packSize);
    }

    /** A pack of at most about five days' demand. */
    private static double packSize(SplittableRandom random, double meanDaily) {
        int fitting = 1;
        while (fitting < PACK_SIZES.length && PACK_SIZES[fitting] <= meanDaily * 5) {
            fitting++;
        }
        return PACK_SIZES[random.nextInt(fitting)];
    }

    private static double[] weekdayProfile(SplittableRandom random) {
        double[] profile = new double[5];
        double sum = 0;
        for (int d = 0; d < 5; d++) {
            profile[d] = WEEKDAY_PROFILE[d] * uniform(random, 0.85, 1.15);
            sum += profile[d];
        }
        for (int d = 0; d < 5; d++) {
            profile[d] *= 5 / sum;
        }
        return profile;
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private static double logUniform(SplittableRandom random, double from, double to) {
        return Math.exp(uniform(random, Math.log(from), Math.log(to)));
    }

    /** Box–Muller, one of the pair. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Poisson by inversion below a mean of 30, normal approximation above. */
    static double poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double u = random.nextDouble();
        double p = Math.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < 1000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /** Stafford's 64-bit finaliser (variant 13), so that neighbouring indices get unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
