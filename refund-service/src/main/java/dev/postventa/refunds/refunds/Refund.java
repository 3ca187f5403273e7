package dev.postventa.refunds.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import dev.postventa.support.persistence.CustomerColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The money owed back for one received return, and how paying it back went. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "return_id")
    public UUID returnId;
    @Column(name = "order_id")
    public String orderId;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public RefundStatus status;
    public int attempts;
    @Column(name = "provider_reference")
    public String providerReference;
    @Column(name = "failure_reason")
    public String failureReason;
    @Embedded
    public CustomerColumns contact;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Money money() {
        return new Money(amount, currency).normalized();
    }

    public CustomerContact customer() {
        return contact.toContact();
    }
}
