package dev.postventa.notifications.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/** Reads and writes customers' preferences. */
@ApplicationScoped
public class Preferences {

    private static final Logger LOG = Logger.getLogger(Preferences.class);
    // One statement, so two saves at once both succeed (the last wins) and saving the same choice again is a no-op.
    private static final String UPSERT = """
            INSERT INTO customer_preference (customer_key, channels, phone, opt_out_non_essential, quiet_from,
                                             quiet_to, updated_at)
            VALUES (:key, :channels, CAST(:phone AS varchar), :optOut, CAST(:from AS varchar), CAST(:to AS varchar),
                    :now)
            ON CONFLICT (customer_key) DO UPDATE SET channels = excluded.channels, phone = excluded.phone,
                opt_out_non_essential = excluded.opt_out_non_essential, quiet_from = excluded.quiet_from,
                quiet_to = excluded.quiet_to, updated_at = excluded.updated_at""";

    private final Clock clock;

    Preferences(Clock clock) {
        this.clock = clock;
    }

    /** The customer's preferences, or null when they never chose (in the caller's session). */
    public Uni<CustomerPreference> of(String customerKey) {
        return customerKey == null ? Uni.createFrom().nullItem() : CustomerPreference.findById(customerKey);
    }

    /** The view of the customer's preferences, defaults when they never chose. */
    public Uni<PreferencesView> view(String customerKey) {
        return Panache.withSession(() -> of(customerKey)).map(PreferencesView::of);
    }

    /** Saves a checked request (channels from {@link PreferenceRules#check}) and answers what is now stored. */
    public Uni<PreferencesView> save(String customerKey, List<String> channels, PreferencesRequest request) {
        PreferencesView.QuietHoursView quiet = request.quietHours();
        // Only a customer who chose SMS needs their number kept.
        String phone = channels.contains(CustomerPreference.SMS) ? request.phone() : null;
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("key", customerKey)
                        .setParameter("channels", String.join(",", channels))
                        .setParameter("phone", phone)
                        .setParameter("optOut", request.optOutNonEssential())
                        .setParameter("from", quiet == null ? null : quiet.from())
                        .setParameter("to", quiet == null ? null : quiet.to())
                        .setParameter("now", clock.instant())
                        .executeUpdate()))
                .invoke(() -> LOG.infof("preferences of customer %s saved: channels %s, opt-out %s, quiet hours %s",
                        customerKey.startsWith("email:") ? "(guest)" : customerKey, channels,
                        request.optOutNonEssential(), quiet == null ? "none" : quiet.from() + "-" + quiet.to()))
                .replaceWith(new PreferencesView(channels, phone, request.optOutNonEssential(),
                        quiet == null ? null : quiet));
    }
}
