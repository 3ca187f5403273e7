package dev.postventa.returns.request;

/** Where a return is in its journey, in journey order. */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    IN_TRANSIT,
    RECEIVED
}
