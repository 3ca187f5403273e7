package dev.postventa.returns.request;

/** Where a return is in its journey, in journey order; REJECTED ends a return that operations refused. */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    IN_TRANSIT,
    RECEIVED,
    /** Refused on review (only from REQUESTED); final, and its lines no longer count as returned. */
    REJECTED
}
