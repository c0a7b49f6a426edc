package com.invoicedelivery.mail.smtp.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** What kind of network an IP address is in, as far as letting a tenant's SMTP traffic go there is concerned. */
public enum AddressClass {
    /** 127.0.0.0/8, ::1: this machine. */
    LOOPBACK("a loopback address (this machine)"),
    /** 169.254.0.0/16, fe80::/10: the local link, where cloud metadata services answer. */
    LINK_LOCAL("a link-local address (e.g. a cloud metadata service)"),
    /** RFC 1918 (10/8, 172.16/12, 192.168/16), shared 100.64/10, fc00::/7: the platform's own networks. */
    PRIVATE("a private network address"),
    /** 224.0.0.0/4, ff00::/8. */
    MULTICAST("a multicast address"),
    /** 0.0.0.0/8, ::. */
    UNSPECIFIED("an unspecified address"),
    /** Anything else: the internet. */
    PUBLIC("a public address");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static AddressClass of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && bytes[0] == 0)) {
            return UNSPECIFIED;
        }
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (address.isMulticastAddress()) {
            return MULTICAST;
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean rfc1918 = first == 10 || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168);
            boolean sharedAddressSpace = first == 100 && second >= 64 && second <= 127;
            return rfc1918 || sharedAddressSpace ? PRIVATE : PUBLIC;
        }
        if (address instanceof Inet6Address) {
            // unique local fc00::/7, and the deprecated site-local fec0::/10
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return uniqueLocal || address.isSiteLocalAddress() ? PRIVATE : ipv4Inside(bytes);
        }
        return PUBLIC;
    }

    /** An IPv6 address that carries an IPv4 one (::a.b.c.d, the NAT64 prefix 64:ff9b::/96) is judged by it. */
    private static AddressClass ipv4Inside(byte[] bytes) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!compatible && !nat64) {
            return PUBLIC;
        }
        try {
            return of(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (java.net.UnknownHostException impossible) {
            return PUBLIC;
        }
    }
}
