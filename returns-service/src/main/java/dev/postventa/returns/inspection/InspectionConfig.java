package dev.postventa.returns.inspection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Inspection of received returns: which categories a person must inspect (every other return is accepted in full on
 * receipt) and the restocking fees deducted from what is settled.
 */
@ConfigMapping(prefix = "postventa.inspection")
public interface InspectionConfig {

    /**
     * Categories whose returns wait in RECEIVED for {@code POST /returns/{id}/inspection}; a return with one such line
     * waits as a whole. Empty (the default): every return is accepted on receipt.
     */
    Optional<Set<String>> manualCategories();

    /** Restocking fees, as a percentage of the accepted units' value (e.g. {@code 10%} or {@code 10}). */
    RestockingFee restockingFee();

    /** The fee schedule; when a category fee and a grade fee both apply, the larger one is deducted (never both). */
    interface RestockingFee {

        /** Per product category: {@code postventa.inspection.restocking-fee.category.electronics=10%}. */
        Map<String, String> category();

        /** Per grade (RESELLABLE, DAMAGED, WRONG_ITEM): {@code postventa.inspection.restocking-fee.grade.DAMAGED=15%}. */
        Map<String, String> grade();

        /** Whether the category fees also apply to returns accepted automatically on receipt (graded RESELLABLE). */
        @WithDefault("false")
        boolean onAutomatic();
    }
}
