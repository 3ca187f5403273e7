package dev.postventa.notifications.messages;

import dev.postventa.events.returns.FeedbackRequested;
import java.util.List;

/**
 * The satisfaction survey (issue 11 §4): after the refund or credit, a short thank-you with the survey link and the
 * date it works until. Not essential ({@code MessageImportance}): opt-out and quiet hours apply. Pure rules like
 * {@link CustomerMessages}, whose checks (return id and email, or the dead-letter topic) it shares.
 */
public final class FeedbackMessages {

    public static final String FEEDBACK_REQUESTED = "feedback-requested";

    /** Every template of the survey, each with a text and an HTML form per language of {@link MessageLanguage#AVAILABLE}. */
    public static final List<String> TEMPLATES = List.of(FEEDBACK_REQUESTED);

    private FeedbackMessages() {
    }

    /** The survey link ({@code surveyUrl}, also the SMS's link) and until when it works ({@code expiresAt}). */
    public static OutgoingMessage feedbackRequested(FeedbackRequested e, String eventId) {
        return CustomerMessages.message(eventId, "FeedbackRequested", e.returnId(), FEEDBACK_REQUESTED, e.customer(),
                "rma", e.rmaNumber(), "orderId", e.orderId(), "surveyUrl", e.surveyUrl(), "expiresAt", e.expiresAt());
    }
}
