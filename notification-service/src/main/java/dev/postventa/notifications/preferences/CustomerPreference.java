package dev.postventa.notifications.preferences;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** One customer's channels, phone, opt-out of non-essential messages and quiet hours (read side; upserted by SQL). */
@Entity
@Table(name = "customer_preference")
public class CustomerPreference extends PanacheEntityBase {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";

    @Id
    @Column(name = "customer_key")
    public String customerKey;
    /** Comma-separated: {@code email}, {@code sms} or {@code email,sms}. */
    public String channels;
    /** E.164, only when SMS may be used. */
    public String phone;
    @Column(name = "opt_out_non_essential")
    public boolean optOutNonEssential;
    @Column(name = "quiet_from")
    public String quietFrom;
    @Column(name = "quiet_to")
    public String quietTo;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> channelList() {
        return Arrays.stream(channels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The quiet hours, or null when the customer has none. */
    public QuietHours quietHours() {
        return quietFrom == null || quietTo == null ? null
                : new QuietHours(LocalTime.parse(quietFrom), LocalTime.parse(quietTo));
    }
}
