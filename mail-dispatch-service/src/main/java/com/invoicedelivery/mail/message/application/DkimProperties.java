package com.invoicedelivery.mail.message.application;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DKIM signing of the mail sent through the platform's own server ({@code mail.dkim.*}); off unless enabled.
 * Mail through a tenant's own server is left to that server, which signs for the tenant's domain if it signs.
 *
 * @param domain             the signing domain (d=), usually the platform domain: the default From addresses are in
 *                           its sub-domains, which DMARC's relaxed alignment accepts
 * @param selector           the key's selector (s=); the public key is published in DNS at
 *                           {@code <selector>._domainkey.<domain>}
 * @param privateKeyLocation a PKCS#8 PEM file with the RSA private key
 */
@ConfigurationProperties("mail.dkim")
public record DkimProperties(boolean enabled, String domain, String selector, String privateKeyLocation) {

    /** The key file's path ({@code file:} prefix allowed). */
    Path privateKeyPath() {
        String location = privateKeyLocation.strip();
        return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    }
}
