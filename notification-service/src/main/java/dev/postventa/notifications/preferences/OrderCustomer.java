package dev.postventa.notifications.preferences;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whose an order is (read side of {@link OrderCustomers}). */
@Entity
@Table(name = "order_customer")
public class OrderCustomer extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "customer_key")
    public String customerKey;
}
