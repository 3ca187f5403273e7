package dev.postventa.refunds;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs a service's reactive job from a test the way its scheduler does: on a fresh, safe Vert.x context. */
public final class VertxJobs {

    private VertxJobs() {
    }

    /** Starts the job on a new duplicated context and returns at once (several can run at the same time). */
    public static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> job) {
        CompletableFuture<T> done = new CompletableFuture<>();
        io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext.getOrCreateDuplicatedContext(vertx);
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> job.get().subscribe().with(done::complete, done::completeExceptionally));
        return done.orTimeout(30, TimeUnit.SECONDS);
    }

    /** Runs the job and waits for its result. */
    public static <T> T run(Vertx vertx, Supplier<Uni<T>> job) {
        return start(vertx, job).join();
    }
}
