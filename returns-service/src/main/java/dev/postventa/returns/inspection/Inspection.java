package dev.postventa.returns.inspection;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.returns.request.IllegalTransitionException;
import dev.postventa.returns.request.Records;
import dev.postventa.returns.request.ReturnRequest;
import dev.postventa.returns.request.ReturnRequestService;
import dev.postventa.returns.request.ReturnStatus;
import dev.postventa.returns.request.ReturnView;
import dev.postventa.returns.request.Transition;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Inspection of received returns: accepts every unit on receipt when no line's category needs a person, otherwise
 * takes the warehouse's findings ({@code POST /returns/{id}/inspection}). Either way the return is settled in the same
 * transaction ({@code ReturnInspected}, then {@code ReturnResolved}). The return's row lock serialises two inspections
 * of one return: the second sees it RESOLVED and is refused (409).
 */
@ApplicationScoped
public class Inspection {

    static final Set<String> GRADES = Set.of(InspectedLine.RESELLABLE, InspectedLine.DAMAGED, InspectedLine.MISSING,
            InspectedLine.WRONG_ITEM);
    static final int MAX_NOTE = 500;
    private static final Logger LOG = Logger.getLogger(Inspection.class);

    private final Set<String> manualCategories;
    private final RestockingFees fees;
    private final boolean feesOnAutomatic;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ReturnRequestService requests;

    @Inject
    Inspection(InspectionConfig config, OutboxWriter outbox, Clock clock, ReturnRequestService requests) {
        this.manualCategories = config.manualCategories().orElse(Set.of());
        this.fees = new RestockingFees(config.restockingFee().category(), config.restockingFee().grade());
        this.feesOnAutomatic = config.restockingFee().onAutomatic();
        this.outbox = outbox;
        this.clock = clock;
        this.requests = requests;
    }

    /**
     * Called in the transaction that took the return in as RECEIVED: accepts it in full at once unless a shipped
     * line's category needs a person (then it waits for the warehouse).
     */
    public Uni<Void> onReceipt(ReturnRequest request) {
        if (request.status != ReturnStatus.RECEIVED) {
            return Uni.createFrom().voidItem();
        }
        List<ReturnedLine> shipped = shipped(request);
        if (shipped.stream().anyMatch(line -> line.category() != null && manualCategories.contains(line.category()))) {
            LOG.infof("return %s waits for inspection (a line's category needs a person)", request.id);
            return Uni.createFrom().voidItem();
        }
        List<InspectedLine> accepted = shipped.stream().map(line -> new InspectedLine(line.lineId(), line.sku(),
                line.name(), line.quantity(), line.quantity(), InspectedLine.RESELLABLE, null,
                feesOnAutomatic ? fees.fee(line.category(), InspectedLine.RESELLABLE, line.unitPrice(), line.quantity())
                        : Money.zero(line.unitPrice().currency()))).toList();
        Transition done = request.inspect(accepted, true, clock.instant());
        LOG.infof("return %s accepted on receipt and resolved", request.id);
        return Records.record(done, outbox);
    }

    /** The warehouse's findings for a RECEIVED return; 404 unknown, 409 not RECEIVED (e.g. inspected already). */
    public Uni<ReturnView> inspect(UUID id, InspectionRequest body) {
        return Panache.withTransaction(() -> ReturnRequest.<ReturnRequest>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Return", id.toString()))
                        // A return that is not RECEIVED is refused (409) before the body is read: a repeated
                        // inspection is a conflict whatever it says.
                        .chain(request -> Uni.createFrom().item(() -> request.inspect(
                                request.status == ReturnStatus.RECEIVED ? findings(request, body) : List.of(),
                                false, clock.instant())))
                        .chain(done -> Records.record(done, outbox)))
                .invoke(() -> LOG.infof("return %s inspected by the warehouse and resolved", id))
                .onFailure(IllegalTransitionException.class).transform(refused -> new ProblemException(409,
                        "illegal-transition", "Return cannot be inspected", refused.getMessage(), List.of()))
                .chain(() -> requests.find(id));
    }

    /** The body checked against the return: one entry per shipped line, each within what was returned. */
    List<InspectedLine> findings(ReturnRequest request, InspectionRequest body) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, ReturnedLine> shipped = new HashMap<>();
        shipped(request).forEach(line -> shipped.put(line.lineId(), line));
        List<InspectionRequest.Line> lines = body == null || body.lines() == null ? List.of() : body.lines();
        if (lines.isEmpty()) {
            violations.add(new FieldViolation("lines", "must list every shipped line: " + shipped.keySet()));
        }
        List<InspectedLine> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "].";
            InspectionRequest.Line line = lines.get(i);
            if (line == null) {
                violations.add(new FieldViolation("lines[" + i + "]", "must not be null"));
                continue;
            }
            ReturnedLine returned = line.lineId() == null ? null : shipped.get(line.lineId());
            if (line.lineId() == null || line.lineId().isBlank()) {
                violations.add(new FieldViolation(at + "lineId", "is required"));
            } else if (returned == null) {
                boolean kept = request.lines.stream().anyMatch(l -> l.lineId().equals(line.lineId()) && l.kept());
                violations.add(new FieldViolation(at + "lineId", kept
                        ? "line " + line.lineId() + " is kept by the customer: nothing to inspect"
                        : "line " + line.lineId() + " is not part of this return"));
            } else if (!seen.add(line.lineId())) {
                violations.add(new FieldViolation(at + "lineId", "line " + line.lineId() + " is listed twice"));
            }
            boolean gradeOk = line.grade() != null && GRADES.contains(line.grade());
            if (!gradeOk) {
                violations.add(new FieldViolation(at + "grade",
                        "must be one of RESELLABLE, DAMAGED, MISSING, WRONG_ITEM"));
            }
            Integer accepted = line.acceptedQuantity();
            if (accepted == null) {
                violations.add(new FieldViolation(at + "acceptedQuantity", "is required"));
            } else if (accepted < 0) {
                violations.add(new FieldViolation(at + "acceptedQuantity", "must not be negative"));
            } else if (returned != null && accepted > returned.quantity()) {
                violations.add(new FieldViolation(at + "acceptedQuantity",
                        "must be at most " + returned.quantity() + " (the units returned)"));
            } else if (accepted > 0 && InspectedLine.MISSING.equals(line.grade())) {
                violations.add(new FieldViolation(at + "acceptedQuantity", "must be 0 for a MISSING line"));
            }
            if (line.note() != null && line.note().length() > MAX_NOTE) {
                violations.add(new FieldViolation(at + "note", "must be at most " + MAX_NOTE + " characters"));
            }
            if (returned != null && gradeOk && accepted != null && violations.isEmpty()) {
                found.add(new InspectedLine(returned.lineId(), returned.sku(), returned.name(), returned.quantity(),
                        accepted, line.grade(), line.note() == null || line.note().isBlank() ? null : line.note().strip(),
                        fees.fee(returned.category(), line.grade(), returned.unitPrice(), accepted)));
            }
        }
        if (!lines.isEmpty()) {
            shipped.keySet().stream().filter(lineId -> !seen.contains(lineId)).sorted().forEach(lineId ->
                    violations.add(new FieldViolation("lines", "line " + lineId + " is not inspected: list every "
                            + "shipped line")));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("inspection-not-valid", "Inspection not valid", violations);
        }
        return found;
    }

    private static List<ReturnedLine> shipped(ReturnRequest request) {
        return request.lines.stream().filter(line -> !line.kept()).toList();
    }
}
