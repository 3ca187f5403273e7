package dev.postventa.notifications.merchant;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps merchant webhooks out of our own network. A subscription names any URL, and our service then POSTs to it from
 * inside the platform: pointed at a loopback, private, link-local (the cloud metadata address 169.254.169.254) or
 * otherwise non-public address it would reach what only the platform should reach (server-side request forgery).
 * So such addresses are refused when the subscription is made (an IP literal or {@code localhost}) and again before
 * every delivery (what the host name resolves to then), unless the host is one of the configured insecure hosts (a
 * developer's own receiver on localhost).
 *
 * <p>Not covered: the HTTP client resolves the name once more when it connects, so a name whose DNS answer changes
 * between the two lookups (DNS rebinding) could still reach a private address; a shop that fears it puts the service
 * behind an egress proxy that enforces the same rule.
 */
public final class MerchantAddresses {

    static final String REFUSED = "must not point into a private or local network";
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private MerchantAddresses() {
    }

    /** Whether {@code host} is exempt from the rules here (and from https): a configured insecure host. */
    public static boolean exempt(String host, Collection<String> insecureHosts) {
        return insecureHosts.stream().anyMatch(h -> h.strip().equalsIgnoreCase(host));
    }

    /**
     * For a new subscription, without any DNS lookup: refused when the host is {@code localhost} or an IP literal of a
     * non-public address.
     */
    public static Optional<String> literalProblem(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(REFUSED);
        }
        String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (!IPV4_LITERAL.matcher(literal).matches() && !literal.contains(":")) {
            return Optional.empty();
        }
        try {
            // A literal: parsed, never looked up.
            return nonPublic(InetAddress.getByName(literal)) ? Optional.of(REFUSED) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("is not a valid IP address");
        }
    }

    /** Before a delivery: the host's current addresses; refused if any of them is non-public. */
    public static Optional<String> resolvedProblem(String host, List<InetAddress> addresses) {
        return addresses.stream().filter(MerchantAddresses::nonPublic).findFirst()
                .map(a -> host + " resolves to " + a.getHostAddress() + ", which is in a private or local network");
    }

    /** Loopback, unspecified, private, link-local, carrier-grade NAT, unique-local IPv6 or multicast. */
    static boolean nonPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 (this network) and 100.64.0.0/10 (carrier-grade NAT, shared inside providers' networks).
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses (Java's isSiteLocal knows only the deprecated fec0::/10).
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return false;
    }
}
