package dev.jobsopenapi.reference;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a server listens, parsed strictly: an IPv4 address, an IPv6 address (with or without brackets) or a host
 * name, and a port. Anything else is refused with a message; nothing ever falls back to every interface.
 */
final class ListenAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private ListenAddress() {
    }

    /**
     * The socket address for {@code host} and {@code port}.
     *
     * @throws IllegalArgumentException when the host is no address or name, does not resolve, or the port is out
     *                                  of range (the message says which, and quotes the value)
     */
    static InetSocketAddress parse(String host, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, not " + port);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches();
        if (IPV4.matcher(bare).matches()) {
            for (String octet : bare.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (each part is 0 to 255)");
                }
            }
        } else if (!literal && bare.matches("[\\d.]+")) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (four parts, each 0 to 255)");
        } else if (!literal && !hostName(bare)) {
            throw new IllegalArgumentException("'" + host + "' is neither an IP address nor a host name (letters, digits,"
                    + " hyphens and dots; an IPv6 address may be given as ::1 or [::1])");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(bare), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' does not resolve to an address on this machine");
        }
    }

    /** How the address is written in a URL: an IPv6 address in brackets, in its short form (RFC 5952). */
    static String uriHost(InetAddress address) {
        return address instanceof Inet6Address ? "[" + shortIpv6(address.getHostAddress().replaceFirst("%.*", "")) + "]"
                : address.getHostAddress();
    }

    /** {@code 0:0:0:0:0:0:0:1} as {@code ::1}: leading zeros dropped, the longest run of zero groups as {@code ::}. */
    private static String shortIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
            int length = 0;
            while (i + length < groups.length && groups[i + length].matches("0+")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** The URL of the root of a server listening at the address. */
    static URI root(InetSocketAddress address) {
        return URI.create("http://" + uriHost(address.getAddress()) + ":" + address.getPort() + "/");
    }

    private static boolean hostName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
