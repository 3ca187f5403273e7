package dev.postventa.notifications.merchant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A merchant's URL subscribed to some event types, with the secret its deliveries are signed with. */
@Entity
@Table(name = "merchant_webhook_subscription")
public class MerchantWebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;
    public String url;
    /** Catalogued types, comma-separated. */
    @Column(name = "event_types")
    public String eventTypes;
    public String description;
    public String secret;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    static MerchantWebhookSubscription create(String url, List<String> eventTypes, String description, String secret,
                                              Instant now) {
        MerchantWebhookSubscription s = new MerchantWebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.eventTypes = String.join(",", eventTypes);
        s.description = description;
        s.secret = secret;
        s.createdAt = now;
        return s;
    }

    public List<String> types() {
        return Arrays.asList(eventTypes.split(","));
    }

    boolean wants(String type) {
        return deletedAt == null && types().contains(type);
    }

    /** Stops future deliveries; deleting again changes nothing (the first time is kept). */
    void delete(Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
        }
    }
}
