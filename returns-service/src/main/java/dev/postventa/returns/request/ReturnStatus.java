package dev.postventa.returns.request;

/**
 * Where a return is in its journey, in journey order; REJECTED ends a return that operations refused, CANCELLED one
 * the customer cancelled before pickup.
 */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    IN_TRANSIT,
    RECEIVED,
    /** Inspected (or kept by the customer) and settled: {@code ReturnResolved} says what is paid back; final. */
    RESOLVED,
    /** Refused on review (only from REQUESTED); final, and its lines no longer count as returned. */
    REJECTED,
    /** Cancelled by the customer before the carrier picked it up (from REQUESTED or APPROVED); final. */
    CANCELLED
}
