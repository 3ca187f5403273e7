package dev.postventa.notifications.messages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which values may become a link in an HTML email: only an absolute http(s) URL with a host. Anything else (a
 * {@code javascript:} or {@code data:} URL from a partner's event, a relative path, text) never becomes an
 * {@code href}: the HTML part leaves the link out, the text part still prints the value as text.
 */
public final class WebLinks {

    private WebLinks() {
    }

    public static boolean isWebLink(Object value) {
        if (!(value instanceof CharSequence text) || text.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI(text.toString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
