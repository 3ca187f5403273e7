package dev.postventa.notifications.merchant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
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
    /** The caller's Idempotency-Key, when it sent one: the same key answers this creation again. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** What was asked (URL, types, description): a key reused for another request is refused. */
    @Column(name = "request_fingerprint")
    public String requestFingerprint;

    static MerchantWebhookSubscription create(String url, List<String> eventTypes, String description, String secret,
                                              Instant now, String idempotencyKey) {
        MerchantWebhookSubscription s = new MerchantWebhookSubscription();
        s.idempotencyKey = idempotencyKey;
        s.requestFingerprint = fingerprint(url, eventTypes, description);
        s.id = UUID.randomUUID();
        s.url = url;
        s.eventTypes = String.join(",", eventTypes);
        s.description = description;
        s.secret = secret;
        s.createdAt = now;
        return s;
    }

    /** The request's identity for Idempotency-Key replays: the same URL, the same set of types, the same note. */
    static String fingerprint(String url, List<String> eventTypes, String description) {
        return url + "\n" + String.join(",", new TreeSet<>(eventTypes)) + "\n"
                + (description == null ? "" : description);
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
