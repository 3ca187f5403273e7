package dev.postventa.returns.request;

import dev.postventa.events.ReturnedLine;
import dev.postventa.returns.exchange.LineExchange;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.returns.resolution.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a customer sees of a return: status, lines (each with its resolution), RMA, tracking number, every step with
 * its time, where each exchanged line's replacement stands ({@code exchanges}, empty without exchanges); once
 * inspected, what was accepted of each line (with grade and note), and once resolved, what is paid back.
 */
public record ReturnView(UUID id, String orderId, ReturnStatus status, String rmaNumber, String trackingNumber,
                         String comment, List<ReturnedLine> lines, Instant createdAt, Instant updatedAt,
                         List<Step> history, List<LineExchange> exchanges, List<InspectedLine> inspection,
                         Settlement resolution) {

    /** One step of the history. */
    public record Step(ReturnStatus status, String detail, Instant at) {
    }

    static ReturnView of(ReturnRequest request, List<ReturnHistoryEntry> history) {
        return new ReturnView(request.id, request.orderId, request.status, request.rmaNumber, request.trackingNumber,
                request.comment, request.lines, request.createdAt, request.updatedAt,
                history.stream().map(h -> new Step(h.status, h.detail, h.at)).toList(),
                LineExchange.of(request.lines,
                        request.status != ReturnStatus.REQUESTED && request.status != ReturnStatus.REJECTED),
                request.inspection, request.resolution);
    }
}
