package dev.postventa.notifications.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks customers' email addresses for logs: the first letter and the domain, never the whole mailbox. */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@");

    private EmailAddresses() {
    }

    /** {@code ana.lopez@example.mx} → {@code a***@example.mx}; anything that is no address → {@code ***}. */
    public static String mask(String address) {
        if (address == null) {
            return "null";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return oneLine(address.charAt(0) + "***" + address.substring(at));
    }

    /** The same for every address inside a text (an SMTP server's answer, an error message). */
    public static String maskIn(String text) {
        if (text == null) {
            return null;
        }
        return ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@"));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
