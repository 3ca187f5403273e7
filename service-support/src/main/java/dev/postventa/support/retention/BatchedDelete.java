package dev.postventa.support.retention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one loop of every retention sweep: a native DELETE of at most {@code :batchSize} rows, run again and again, each
 * time in its own transaction (so no long transaction holds locks or a huge WAL record), until a batch deletes fewer
 * rows than its size. The statement decides what is expired; this class only repeats it.
 */
public final class BatchedDelete {

    private final String statement;
    private final Map<String, Object> parameters;
    private final int batchSize;

    private BatchedDelete(String statement, Map<String, Object> parameters, int batchSize) {
        this.statement = statement;
        this.parameters = Map.copyOf(parameters);
        this.batchSize = batchSize;
    }

    /**
     * {@code statement} deletes at most {@code :batchSize} rows (e.g. {@code DELETE ... WHERE ctid IN (SELECT ctid ...
     * LIMIT :batchSize)}); {@code parameters} are its other named parameters.
     */
    public static BatchedDelete of(String statement, Map<String, Object> parameters, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a retention batch deletes at least one row, not " + batchSize);
        }
        return new BatchedDelete(statement, parameters, batchSize);
    }

    /**
     * A scheduled sweep: {@link #run()}, the count logged at INFO when anything was deleted ("{@code <what>}: 12 deleted"),
     * a failure logged at WARN and swallowed, since the next sweep simply tries again.
     */
    public Uni<Void> sweep(Logger log, String what) {
        return run()
                .invoke(deleted -> {
                    if (deleted > 0) {
                        log.infof("%s: %d deleted", what, deleted);
                    }
                })
                .onFailure().invoke(failure -> log.warnf("%s: sweep failed (the next sweep retries): %s", what,
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes batch after batch; the total deleted. */
    public Uni<Long> run() {
        return next(0L);
    }

    private Uni<Long> next(long deletedSoFar) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(statement).setParameter("batchSize", batchSize);
                    parameters.forEach(query::setParameter);
                    return query.executeUpdate();
                }))
                .chain(deleted -> deleted < batchSize
                        ? Uni.createFrom().item(deletedSoFar + deleted)
                        : next(deletedSoFar + deleted));
    }
}
