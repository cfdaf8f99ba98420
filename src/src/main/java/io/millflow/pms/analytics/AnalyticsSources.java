package io.millflow.pms.analytics;

import io.millflow.pms.analytics.AnalyticsViews.MaterialRow;
import io.millflow.pms.analytics.AnalyticsViews.UtilisationRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Figures analytics takes from other capabilities through their public services (never their tables). Each is
 * an optional bean: when the capability that provides it is not in the build, the figure is reported as unknown.
 */
public final class AnalyticsSources {

    private AnalyticsSources() {
    }

    /** Labour cost of a project: approved hours × hourly rate (resources). */
    public interface LabourCost {
        BigDecimal labourCost(UUID projectId);
    }

    /** Stock issued to a project and its tasks at ledger value (ims), in total and per item. */
    public interface MaterialsIssued {
        BigDecimal issuedValue(UUID projectId);

        List<MaterialRow> materials(UUID projectId, String projectCode);
    }

    /** Booked hours against capacity per team and ISO week (resources). */
    public interface TeamUtilisation {
        List<UtilisationRow> utilisation(LocalDate from, LocalDate to);
    }
}
