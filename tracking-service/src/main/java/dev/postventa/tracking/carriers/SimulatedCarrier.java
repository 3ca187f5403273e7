package dev.postventa.tracking.carriers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in carrier that calls nobody, but behaves like a real one towards idempotency keys: the first request
 * with a key issues a label (tracking number {@code SIM<country><12 digits>} derived from the key, label URL on the
 * reserved {@code .invalid} domain); a later request with the same key answers that same label and issues none.
 * It counts requests and issued labels per key, so tests can tell a retry from a second label. Voiding a label is
 * idempotent and recorded per tracking number; a label it never issued is refused. Scans for it are posted to the
 * webhook by hand or by tests. Replace with a real carrier adapter in production.
 */
@ApplicationScoped
public class SimulatedCarrier implements CarrierPort {

    public static final String NAME = "simulated";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, ReturnLabel> issued = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> labelsIssued = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> voidRequests = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<ReturnLabel> createReturnLabel(String idempotencyKey, String rmaNumber, String country) {
        return Uni.createFrom().item(() -> issue(idempotencyKey, country));
    }

    @Override
    public Uni<Void> voidLabel(String idempotencyKey, String trackingNumber) {
        return Uni.createFrom().item(() -> {
            voidLabelNow(idempotencyKey, trackingNumber);
            return null;
        });
    }

    /** Voids the label of {@code key}; again for a void one. */
    void voidLabelNow(String key, String trackingNumber) {
        ReturnLabel label = key == null ? null : issued.get(key);
        // The issued labels live in memory: after a restart, the tracking number derived from the key still tells.
        boolean ours = label != null ? label.trackingNumber().equals(trackingNumber)
                : trackingNumber != null && trackingNumber.length() > 5
                        && labelFor(key == null ? "" : key, trackingNumber.substring(3, 5)).trackingNumber()
                                .equals(trackingNumber);
        if (!ours) {
            throw new LabelRefusedException("the simulated carrier issued no label " + trackingNumber + " for " + key);
        }
        voidRequests.computeIfAbsent(trackingNumber, t -> new AtomicInteger()).incrementAndGet();
    }

    /** Whether the label with this tracking number was voided. */
    public boolean isVoided(String trackingNumber) {
        return voidRequests.containsKey(trackingNumber);
    }

    /** Void requests received for the label with this tracking number (a retry asks again). */
    public int voidRequestsFor(String trackingNumber) {
        AtomicInteger count = voidRequests.get(trackingNumber);
        return count == null ? 0 : count.get();
    }

    /** The label for {@code key}: issued on the first request, the same one on every later request. */
    ReturnLabel issue(String key, String country) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required");
        }
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new LabelRefusedException("the simulated carrier ships from ISO 3166 alpha-2 countries, not '"
                    + country + "'");
        }
        return issued.computeIfAbsent(key, k -> {
            labelsIssued.computeIfAbsent(k, any -> new AtomicInteger()).incrementAndGet();
            return labelFor(k, country);
        });
    }

    /** Requests received with {@code key} so far. */
    public int callsFor(String key) {
        AtomicInteger count = calls.get(key);
        return count == null ? 0 : count.get();
    }

    /** Labels issued (and charged) for {@code key} so far: at most one. */
    public int labelsIssuedFor(String key) {
        AtomicInteger count = labelsIssued.get(key);
        return count == null ? 0 : count.get();
    }

    static ReturnLabel labelFor(String key, String country) {
        UUID digest = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        String digits = String.format("%012d", Math.floorMod(digest.getMostSignificantBits(), 1_000_000_000_000L));
        String trackingNumber = "SIM" + country + digits;
        return new ReturnLabel(trackingNumber, "https://labels.simulated-carrier.invalid/" + trackingNumber + ".pdf");
    }
}
