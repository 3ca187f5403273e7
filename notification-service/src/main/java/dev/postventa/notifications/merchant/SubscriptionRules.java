package dev.postventa.notifications.merchant;

import dev.postventa.events.EventCatalog;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a new subscription, field by field (one 400 problem naming every bad field): an absolute
 * {@code https} URL without user info (plain {@code http} only to the configured insecure hosts), at most 2000
 * characters, not to {@code localhost} or a non-public IP address ({@link MerchantAddresses}); at least one event type, each catalogued and on a topic this service consumes.
 */
public final class SubscriptionRules {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;

    private SubscriptionRules() {
    }

    /** The checked request: its URL stripped, its types without repeats (in the order given); else a 400. */
    public static SubscriptionRequest check(SubscriptionRequest request, Collection<String> insecureHosts,
                                            Set<String> subscribableTypes) {
        if (request == null) {
            throw ProblemException.invalid("Subscription is not valid",
                    List.of(new FieldViolation("url", "is required"), new FieldViolation("eventTypes", "is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        String url = request.url() == null ? null : request.url().strip();
        urlProblem(url, insecureHosts).ifPresent(why -> violations.add(new FieldViolation("url", why)));
        Set<String> types = new LinkedHashSet<>();
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            violations.add(new FieldViolation("eventTypes", "give at least one event type"));
        } else {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                String type = request.eventTypes().get(i);
                String field = "eventTypes[" + i + "]";
                if (!EventCatalog.isKnown(type)) {
                    violations.add(new FieldViolation(field, "is not a catalogued event type"));
                } else if (!subscribableTypes.contains(type)) {
                    violations.add(new FieldViolation(field, "is published on " + EventCatalog.topicOf(type)
                            + ", which notification-service does not consume"));
                } else {
                    types.add(type);
                }
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            violations.add(new FieldViolation("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("Subscription is not valid", violations);
        }
        return new SubscriptionRequest(url, List.copyOf(types), request.description());
    }

    private static Optional<String> urlProblem(String url, Collection<String> insecureHosts) {
        if (url == null || url.isEmpty()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean exempt = MerchantAddresses.exempt(host, insecureHosts);
        if ("https".equals(scheme) || ("http".equals(scheme) && exempt)) {
            return exempt ? Optional.empty() : MerchantAddresses.literalProblem(host);
        }
        return Optional.of("must be https");
    }
}
