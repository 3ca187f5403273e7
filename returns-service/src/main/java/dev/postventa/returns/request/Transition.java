package dev.postventa.returns.request;

import dev.postventa.events.DomainEvent;
import java.util.List;

/**
 * What one step of a return produced: the return itself, the events to publish and the history lines to record.
 *
 * @param unchanged why the step left the return's status as it was (e.g. a scan older than where the return
 *     already is), or null when the step did what it says
 */
public record Transition(ReturnRequest request, List<DomainEvent> events, List<ReturnHistoryEntry> history,
                         String unchanged) {

    public Transition {
        events = List.copyOf(events);
        history = List.copyOf(history);
    }

    static Transition done(ReturnRequest request, DomainEvent event, ReturnHistoryEntry history) {
        return new Transition(request, List.of(event), List.of(history), null);
    }

    static Transition noteOnly(ReturnRequest request, ReturnHistoryEntry history, String why) {
        return new Transition(request, List.of(), List.of(history), why);
    }
}
