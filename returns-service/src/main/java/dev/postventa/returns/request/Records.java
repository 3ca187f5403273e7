package dev.postventa.returns.request;

import dev.postventa.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;

/** Persists what a transition produced: its history lines, then its events through the outbox (same transaction). */
public final class Records {

    private Records() {
    }

    public static Uni<Void> record(Transition transition, OutboxWriter outbox) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReturnHistoryEntry entry : transition.history()) {
            chain = chain.chain(() -> entry.persist().replaceWithVoid());
        }
        return chain.chain(() -> outbox.publishAll(transition.events()));
    }
}
