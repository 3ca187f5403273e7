package dev.postventa.notifications.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Which order a return belongs to (read side of {@link ReturnOrders}; written there with insert-if-absent). */
@Entity
@Table(name = "return_order")
public class ReturnOrder extends PanacheEntityBase {

    @Id
    @Column(name = "return_id")
    public UUID returnId;

    @Column(name = "order_id")
    public String orderId;
}
