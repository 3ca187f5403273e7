package dev.postventa.returns.messaging;

import dev.postventa.events.EventJson;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.returns.exchange.ExchangeAnswers;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the storefront's answers to exchange reservations (plain JSON) to the returns they are about, once per event
 * id; other answer types are skipped visibly, undecodable records go to the dead-letter topic.
 */
@ApplicationScoped
public class StorefrontExchangesConsumer {

    private final ExchangeAnswers answers;
    private final EventDispatcher dispatcher;
    private final SkippedEvents skipped;

    StorefrontExchangesConsumer(ExchangeAnswers answers, EventDispatcher dispatcher, SkippedEvents skipped) {
        this.answers = answers;
        this.dispatcher = dispatcher;
        this.skipped = skipped;
    }

    @Incoming("storefront-exchanges")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> parse(record)).chain(answer -> switch (answer.type()) {
            case ExchangeAnswer.RESERVED, ExchangeAnswer.REJECTED ->
                    dispatcher.handleOnce(answer.eventId(), "storefront." + answer.type(), () -> answers.apply(answer));
            default -> skipped.skip(answer.eventId(), "storefront." + answer.type());
        });
    }

    private static ExchangeAnswer parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UndecodableEventException("exchange answer without a value at offset " + record.offset());
        }
        ExchangeAnswer answer = EventJson.fromBytes(record.value(), ExchangeAnswer.class);
        require(answer.eventId(), "eventId");
        require(answer.type(), "type");
        require(answer.returnId(), "returnId");
        require(answer.lineId(), "lineId");
        if (ExchangeAnswer.RESERVED.equals(answer.type())) {
            require(answer.reservationId(), "reservationId (a reserved answer names its reservation)");
        }
        return answer;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new UndecodableEventException("storefront exchange answer lacks " + field);
        }
    }
}
