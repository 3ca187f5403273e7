package dev.postventa.tracking.shipments;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.shipments.ShipmentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import dev.postventa.support.persistence.CustomerColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A return parcel on its way from the customer to the warehouse. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "return_id")
    public UUID returnId;
    @Column(name = "rma_number")
    public String rmaNumber;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "label_url")
    public String labelUrl;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    @Column(name = "status_at")
    public Instant statusAt;
    @Embedded
    public CustomerColumns contact;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public CustomerContact customer() {
        return contact.toContact();
    }
}
