package ai.zelto.application.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether Zelto may connect to a host a caller gave it (a recording URL, an organization's own LiveKit
 * server): every address the host resolves to must be public — not loopback, private, link-local, carrier-grade
 * NAT, multicast, reserved or otherwise internal — unless the operator allow-listed the host
 * ({@code ZELTO_FETCH_ALLOWED_HOSTS}). Addresses the operator configured themselves are trusted and not checked.
 *
 * <p>Hand-written because no maintained Java library classifies addresses this way (Guava's {@code InetAddresses}
 * parses, but does not know the special-purpose ranges). Known limit: the check resolves the name before
 * connecting and the connection resolves it again, so a DNS server answering differently within that moment
 * could still lead the connection elsewhere.
 */
public final class OutboundGuard {
    private final Set<String> allowedHosts;

    /** @param allowedHosts hosts that may be internal (names or literal addresses), e.g. a test server */
    public OutboundGuard(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** A guard that allows no internal host. */
    public static OutboundGuard strict() {
        return new OutboundGuard(Set.of());
    }

    /**
     * @throws Refused when the host resolves to an internal address and is not allow-listed
     * @throws Unresolved when the host does not resolve (possibly for a moment)
     */
    public void check(URI uri) {
        if (uri.getHost() == null) {
            throw new Refused("the URL has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Unresolved("the host " + bare + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new Refused("the host " + bare + " resolves to an internal address (" + address.getHostAddress()
                        + "); the operator can allow it with ZELTO_FETCH_ALLOWED_HOSTS if it is theirs");
            }
        }
    }

    /** Loopback, private, link-local, CGNAT, multicast, unspecified, documentation and reserved ranges. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || first >= 224 || (first == 100 && second >= 64 && second <= 127)
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) || (first == 198 && (second & 0xFE) == 18)
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 2) || (first == 198 && second == 51)
                    || (first == 203 && second == 0 && (b[2] & 0xFF) == 113);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7
            }
            boolean v4Mapped = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]) && (b[10] & 0xFF) == 0xFF
                    && (b[11] & 0xFF) == 0xFF;
            if (v4Mapped) {
                try {
                    return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            return (first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8);
        }
        return true;
    }

    /** Zelto may not, or cannot, connect there; the message says why. */
    public abstract static class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** The host is internal and not allow-listed, or the address is not one: a permanent refusal. */
    public static final class Refused extends Unusable {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** The host does not resolve: perhaps only for now. */
    public static final class Unresolved extends Unusable {
        private static final long serialVersionUID = 1L;

        Unresolved(String message) {
            super(message);
        }
    }
}
