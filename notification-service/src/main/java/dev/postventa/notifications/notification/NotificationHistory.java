package dev.postventa.notifications.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads what the customer was told about a return, with every delivery attempt. */
@ApplicationScoped
public class NotificationHistory {

    /** The notifications of a return in creation order, each with its attempts in order. */
    public Uni<List<NotificationView>> ofReturn(UUID returnId) {
        return Panache.withSession(() -> Notification.<Notification>list("returnId = ?1 order by createdAt, id", returnId)
                .chain(notifications -> {
                    if (notifications.isEmpty()) {
                        return Uni.createFrom().item(List.<NotificationView>of());
                    }
                    List<UUID> ids = notifications.stream().map(n -> n.id).toList();
                    return NotificationAttempt.<NotificationAttempt>list(
                                    "notificationId in ?1 order by attempt", ids)
                            .map(attempts -> {
                                Map<UUID, List<NotificationAttempt>> byNotification = attempts.stream()
                                        .collect(Collectors.groupingBy(a -> a.notificationId));
                                return notifications.stream().map(n -> NotificationView.of(n,
                                        byNotification.getOrDefault(n.id, List.of()))).toList();
                            });
                }));
    }
}
