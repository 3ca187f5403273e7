package dev.postventa.returns.inspection;

import java.util.List;

/**
 * Body of {@code POST /returns/{id}/inspection}: what the warehouse found, one entry per shipped line. Checked by
 * {@link Inspection} against the return itself (every violation is a field-level 422).
 */
public record InspectionRequest(List<Line> lines) {

    /**
     * @param acceptedQuantity units accepted for settlement (0 to the line's quantity)
     * @param grade RESELLABLE, DAMAGED, MISSING or WRONG_ITEM
     * @param note the inspector's words for the customer (optional, at most 500 characters)
     */
    public record Line(String lineId, Integer acceptedQuantity, String grade, String note) {
    }
}
