package dev.postventa.support.deadletter;

/** What operators did with a dead-lettered message: nothing yet, replayed (at least once), or parked as handled. */
public enum DeadLetterState {
    NEW, REPLAYED, PARKED
}
