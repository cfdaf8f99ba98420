package io.millflow.webhook;

import io.millflow.shared.ProblemException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where webhooks may go (the SSRF guard of ADR 0029). The rule:
 * <ul>
 * <li>Absolute {@code https} URLs; plain {@code http} only to {@code localhost} or a loopback address literal
 * ({@code 127.0.0.1}, {@code [::1]}) and only outside the prod profile (a receiver on the developer's machine or in a
 * test). Such URLs are refused before any name is looked up.</li>
 * <li>No user info, no fragment; the host must resolve, and <em>every</em> address it resolves to must pass.</li>
 * <li>Never: link-local ({@code 169.254.0.0/16} — cloud metadata services — and {@code fe80::/10}), the
 * unspecified, multicast and broadcast addresses, and well-known metadata names.</li>
 * <li>In the prod profile also never loopback, private ({@code 10/8, 172.16/12, 192.168/16, fc00::/7}) or shared
 * ({@code 100.64/10}) addresses, unless they lie in {@code millflow.webhooks.allowed-networks}.</li>
 * </ul>
 * The URL is checked when a subscription is saved and again before every call (DNS answers change).
 */
public final class WebhookUrlPolicy {

    /** Looks up the addresses of a host name. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "instance-data.ec2.internal");

    private final boolean production;
    private final List<Cidr> allowedNetworks;
    private final Resolver resolver;

    public WebhookUrlPolicy(boolean production, List<String> allowedNetworks, Resolver resolver) {
        this.production = production;
        this.allowedNetworks = allowedNetworks.stream().map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    public boolean production() {
        return production;
    }

    /** The URL as it will be called, or a problem saying why not. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new ProblemException.InvalidInput("url", "is required");
        }
        if (url.length() > 2000) {
            throw new ProblemException.InvalidInput("url", "must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ProblemException.InvalidInput("url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new ProblemException.InvalidInput("url", "must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProblemException.InvalidInput("url", "must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new ProblemException.InvalidInput("url", "must not have a fragment (#…)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new WebhookProblems.TargetRefused("The host " + host + " is a cloud metadata service");
        }
        boolean http = scheme.equals("http");
        if (http && production) {
            throw new ProblemException.InvalidInput("url", "must use https");
        }
        if (http && !(host.equals("localhost") || isAddressLiteral(host))) {
            throw new ProblemException.InvalidInput("url", "must use https (plain http only to localhost or a "
                    + "loopback address outside production)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WebhookProblems.TargetRefused("The host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new WebhookProblems.TargetRefused("The host " + host + " does not resolve");
        }
        boolean allLoopback = true;
        for (InetAddress a : addresses) {
            refuseForbidden(host, a);
            allLoopback &= a.isLoopbackAddress();
        }
        if (http && !allLoopback) {
            throw new ProblemException.InvalidInput("url", "must use https (plain http only to localhost or a "
                    + "loopback address outside production)");
        }
        return uri;
    }

    private static boolean isAddressLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private void refuseForbidden(String host, InetAddress a) {
        String what = host.equals(a.getHostAddress()) ? host : host + " (" + a.getHostAddress() + ")";
        if (a.isLinkLocalAddress()) {
            throw new WebhookProblems.TargetRefused(what + " is a link-local address (cloud metadata lives there)");
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || isBroadcast(a)) {
            throw new WebhookProblems.TargetRefused(what + " is not a host address");
        }
        if (production && isInternal(a) && allowedNetworks.stream().noneMatch(c -> c.contains(a))) {
            throw new WebhookProblems.TargetRefused(what + " is a private or loopback address; allow its network "
                    + "in millflow.webhooks.allowed-networks if this receiver is meant");
        }
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255
                && (b[3] & 0xff) == 255;
    }

    /** Loopback, RFC 1918, shared address space (RFC 6598) and IPv6 unique local addresses. */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        }
        return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }

    /** A network in CIDR notation. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/");
            try {
                InetAddress base = InetAddress.getByName(parts[0]);
                int bits = base.getAddress().length * 8;
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
                if (prefix < 0 || prefix > bits || !parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException();
                }
                return new Cidr(base.getAddress(), prefix);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("millflow.webhooks.allowed-networks: '" + text
                        + "' is not a network like 10.20.0.0/16", e);
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                return "?/" + prefix;
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(network) + prefix;
        }
    }
}
