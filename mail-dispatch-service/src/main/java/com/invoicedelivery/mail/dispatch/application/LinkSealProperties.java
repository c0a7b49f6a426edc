package com.invoicedelivery.mail.dispatch.application;

import java.nio.file.Path;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key personal links are sealed to ({@code mail.link-seal.*}); the value is in application.yml.
 *
 * @param privateKey the PKCS#8 PEM file of this service's RSA private key ({@code LINK_SEAL_PRIVATE_KEY}); its public
 *                   half is invoice-service's {@code LINK_SEAL_PUBLIC_KEY}. Only this service is given it.
 */
@ConfigurationProperties("mail.link-seal")
public record LinkSealProperties(Path privateKey) {

    public LinkSealProperties {
        Objects.requireNonNull(privateKey, "mail.link-seal.private-key (LINK_SEAL_PRIVATE_KEY) is not set");
    }
}
