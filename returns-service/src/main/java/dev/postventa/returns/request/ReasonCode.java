package dev.postventa.returns.request;

/** Why a customer returns a line; the documented list a storefront offers in its return form. */
public enum ReasonCode {
    DAMAGED,
    DEFECTIVE,
    WRONG_ITEM,
    NOT_AS_DESCRIBED,
    SIZE_TOO_SMALL,
    SIZE_TOO_LARGE,
    CHANGED_MIND,
    ARRIVED_LATE,
    OTHER
}
