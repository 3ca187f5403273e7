package dev.postventa.refunds;

/**
 * Masks personal data and payment references before they reach a log line: {@code ana@example.mx} becomes
 * {@code a***@example.mx}, {@code re_3PqX9aBcDeF} becomes {@code re_3***DeF}. Enough to tell two apart in support,
 * not enough to use or to contact anyone. Pure.
 */
public final class LogMask {

    private static final String HIDDEN = "***";
    private static final int REFERENCE_SHOWN = 4;

    private LogMask() {
    }

    /** The first letter of the local part and the whole domain; {@code ***} for anything that is not an address. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return HIDDEN;
        }
        return email.charAt(0) + HIDDEN + email.substring(at);
    }

    /**
     * The first and last characters of a payment reference, at most {@value #REFERENCE_SHOWN} each and never more
     * than a third of it; {@code ***} for a short one.
     */
    public static String reference(String reference) {
        if (reference == null) {
            return null;
        }
        int shown = Math.min(REFERENCE_SHOWN, reference.length() / 3);
        if (shown == 0) {
            return HIDDEN;
        }
        return reference.substring(0, shown) + HIDDEN + reference.substring(reference.length() - shown);
    }
}
