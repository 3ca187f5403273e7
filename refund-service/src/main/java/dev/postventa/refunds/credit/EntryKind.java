package dev.postventa.refunds.credit;

/** The kinds of store credit ledger entries. */
public enum EntryKind {
    /** Credit for a resolved return, bonus included. */
    ISSUE,
    /** The storefront spent credit. */
    REDEEM,
    /** The unspent part of one issued credit reached its expiry. */
    EXPIRE
}
