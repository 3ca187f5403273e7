package dev.postventa.returns.exchange;

import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.returns.request.Records;
import dev.postventa.returns.request.ReturnRequest;
import dev.postventa.returns.request.Transition;
import dev.postventa.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Applies the storefront's answers to exchange reservations to the returns they are about. */
@ApplicationScoped
public class ExchangeAnswers {

    private static final Logger LOG = Logger.getLogger(ExchangeAnswers.class);

    private final OutboxWriter outbox;
    private final Clock clock;

    ExchangeAnswers(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Must run inside a transaction (the inbox's). The return's row is locked so that two answers for it (or an
     * answer and another step of the return) apply one after the other: the first answer for a line wins.
     */
    public Uni<Void> apply(ExchangeAnswer answer) {
        return ReturnRequest.<ReturnRequest>findById(answer.returnId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(request -> {
                    if (request == null || request.line(answer.lineId()).isEmpty()) {
                        // Nothing to retry: the storefront answered about something this service never asked for.
                        LOG.warnf("exchange answer %s (%s) is about %s %s of return %s, which this service does "
                                        + "not know: skipped", answer.eventId(), answer.type(),
                                request == null ? "line" : "unknown line", answer.lineId(), answer.returnId());
                        return Uni.createFrom().voidItem();
                    }
                    Transition transition = request.exchangeAnswered(answer, clock.instant());
                    if (transition.unchanged() != null) {
                        LOG.infof("exchange answer %s (%s) for line %s of return %s changed nothing: %s",
                                answer.eventId(), answer.type(), answer.lineId(), answer.returnId(),
                                transition.unchanged());
                    } else {
                        LOG.infof("exchange answer %s (%s) applied to line %s of return %s", answer.eventId(),
                                answer.type(), answer.lineId(), answer.returnId());
                    }
                    return Records.record(transition, outbox);
                });
    }
}
