package io.millflow.ims.replenishment;

/**
 * The Syntetos–Boylan categories of demand, by the average inter-demand interval (ADI) and the squared
 * coefficient of variation of the non-zero demand sizes (CV²), with their cut-off values 1.32 and 0.49.
 */
public enum DemandClass {
    /** Demand on most open days, sizes fairly even. */
    SMOOTH,
    /** Demand on most open days, sizes very uneven. */
    ERRATIC,
    /** Demand on few days, sizes fairly even. */
    INTERMITTENT,
    /** Demand on few days, sizes very uneven. */
    LUMPY,
    /** No demand at all in the history. */
    NO_DEMAND;

    public static final double ADI_CUTOFF = 1.32;
    public static final double CV2_CUTOFF = 0.49;

    public static DemandClass of(double adi, double cv2) {
        boolean frequent = adi < ADI_CUTOFF;
        boolean even = cv2 < CV2_CUTOFF;
        if (frequent) {
            return even ? SMOOTH : ERRATIC;
        }
        return even ? INTERMITTENT : LUMPY;
    }

    /** Whether demand comes on few days, so that methods that forecast size and interval apart fit it. */
    public boolean isSporadic() {
        return this == INTERMITTENT || this == LUMPY;
    }
}
