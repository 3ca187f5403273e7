package dev.postventa.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * Load generators. {@link #fixedRate} is open loop: request i is due at start + i / rate whatever happened to the
 * earlier ones, and its latency counts from that due time, so a server that stalls cannot slow the sender down and
 * hide its stall (coordinated omission). {@link #saturate} is closed loop, for the maximum rate only: a fixed number of
 * connections each send the next request when the previous one is answered.
 */
public final class OpenLoop {

    /** A request: given its sequence number, sends it and completes with true when the answer is the expected one. */
    public interface Request extends LongFunction<CompletableFuture<Boolean>> {
    }

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private OpenLoop() {
    }

    /**
     * Sends at {@code ratePerSecond} for {@code duration}. At most {@code maxInFlight} requests are outstanding (the
     * client's own bound); a request held back by it is still timed from its due time.
     */
    public static LoadResult fixedRate(String name, double ratePerSecond, Duration duration, int maxInFlight,
                                       Request request) {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long total = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            send(request, i).whenComplete((expected, failure) -> {
                long micros = (System.nanoTime() - due) / 1000;
                synchronized (histogram) {
                    histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
                }
                (Boolean.TRUE.equals(expected) && failure == null ? ok : errors).incrementAndGet();
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(name, ratePerSecond, total, ok.get(), errors.get(), seconds, histogram);
    }

    /** Keeps {@code connections} requests outstanding for {@code duration}: the highest rate the server sustains. */
    public static LoadResult saturate(String name, int connections, Duration duration, Request request) {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CompletableFuture<?>[] users = new CompletableFuture<?>[connections];
        for (int u = 0; u < connections; u++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            users[u] = done;
            loop(request, sequence, end, histogram, ok, errors, done);
        }
        CompletableFuture.allOf(users).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(name, Double.NaN, sequence.get(), ok.get(), errors.get(), seconds, histogram);
    }

    private static void loop(Request request, AtomicLong sequence, long end, Histogram histogram, AtomicLong ok,
                             AtomicLong errors, CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete(null);
            return;
        }
        long sent = System.nanoTime();
        send(request, sequence.getAndIncrement()).whenComplete((expected, failure) -> {
            long micros = (System.nanoTime() - sent) / 1000;
            synchronized (histogram) {
                histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
            }
            (Boolean.TRUE.equals(expected) && failure == null ? ok : errors).incrementAndGet();
            loop(request, sequence, end, histogram, ok, errors, done);
        });
    }

    private static CompletableFuture<Boolean> send(Request request, long sequence) {
        try {
            return request.apply(sequence);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
