package dev.postventa.bench;

import dev.postventa.localstack.LocalStack;
import dev.postventa.localstack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenario 6: the services' resident memory, sampled from {@code /proc/<pid>/status} every half second for the whole
 * run (its maximum is the figure: memory under load), and the time one service takes from its start to ready
 * ({@code /q/health/ready} 200, the relay streaming) while the others keep running. Needs the stack the benchmark
 * started itself: a stack given by URL has no process to read.
 */
final class ServiceFootprint implements AutoCloseable {

    private final LocalStack stack;
    private final Map<String, Long> maxRssKb = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ServiceFootprint(LocalStack stack) {
        this.stack = stack;
        sampler = new Thread(this::sample, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Restarts {@code service} and returns the seconds from its process start until it answered ready. */
    double timeToReady(String service) {
        ServiceProcess process = stack.service(service);
        process.stop();
        long start = System.nanoTime();
        process.start().awaitReady(Duration.ofMinutes(3));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Service → the highest RSS seen so far, in MB. */
    Map<String, Double> maxRssMb() {
        Map<String, Double> mb = new LinkedHashMap<>();
        LocalStack.START_ORDER.forEach(s -> mb.put(s, maxRssKb.getOrDefault(s, 0L) / 1024.0));
        return mb;
    }

    private void sample() {
        while (running) {
            for (String service : LocalStack.START_ORDER) {
                stack.service(service).pid().ifPresent(pid -> {
                    long kb = rssKb(pid);
                    maxRssKb.merge(service, kb, Math::max);
                });
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended between two samples, or this is not Linux: no sample
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
