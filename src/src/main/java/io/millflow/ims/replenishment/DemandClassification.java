package io.millflow.ims.replenishment;

/**
 * How a demand series looks: its {@link DemandClass} and the figures behind it.
 * <p>
 * Days of the week on which the item is (nearly) never issued, typically the weekend of a plant that works
 * Monday to Friday, are not counted as days without demand: otherwise every daily series of such a plant
 * would have an ADI of at least 7/5 and look intermittent. A weekday counts as open when it has at least a
 * tenth as many demand days as the busiest weekday.
 *
 * @param demandClass the Syntetos–Boylan category
 * @param adi average inter-demand interval in open days (open days / days with demand); infinite without demand
 * @param cv2 squared coefficient of variation of the non-zero daily quantities
 * @param demandDays days with demand
 * @param openDays days that fall on open weekdays
 */
public record DemandClassification(DemandClass demandClass, double adi, double cv2, int demandDays, int openDays) {

    private static final double OPEN_WEEKDAY_SHARE = 0.1;

    public static DemandClassification of(DemandSeries series) {
        double[] y = series.values();
        int n = series.length();
        int[] demandDaysByWeekday = new int[7];
        int[] daysByWeekday = new int[7];
        int demandDays = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int t = 0; t < n; t++) {
            daysByWeekday[t % 7]++;
            if (y[t] > 0) {
                demandDaysByWeekday[t % 7]++;
                demandDays++;
                sum += y[t];
                sumSquares += y[t] * y[t];
            }
        }
        if (demandDays == 0) {
            return new DemandClassification(DemandClass.NO_DEMAND, Double.POSITIVE_INFINITY, 0, 0, n);
        }
        boolean[] open = openWeekdays(demandDaysByWeekday);
        int openDays = 0;
        for (int w = 0; w < 7; w++) {
            if (open[w]) {
                openDays += daysByWeekday[w];
            }
        }
        double mean = sum / demandDays;
        double variance = Math.max(0, sumSquares / demandDays - mean * mean);
        double cv2 = variance / (mean * mean);
        double adi = (double) openDays / demandDays;
        return new DemandClassification(DemandClass.of(adi, cv2), adi, cv2, demandDays, openDays);
    }

    /**
     * Which days of the week (by day index modulo 7) are open, given the number of days with demand on each:
     * those with at least a tenth as many as the busiest one. All are open when there was no demand.
     */
    static boolean[] openWeekdays(int[] demandDaysByWeekday) {
        int busiest = 0;
        for (int c : demandDaysByWeekday) {
            busiest = Math.max(busiest, c);
        }
        boolean[] open = new boolean[7];
        for (int w = 0; w < 7; w++) {
            open[w] = busiest == 0
                    || (demandDaysByWeekday[w] > 0 && demandDaysByWeekday[w] >= OPEN_WEEKDAY_SHARE * busiest);
        }
        return open;
    }
}
