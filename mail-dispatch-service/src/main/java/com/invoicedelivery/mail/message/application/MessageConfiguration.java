package com.invoicedelivery.mail.message.application;

import java.io.IOException;

import com.invoicedelivery.kit.document.DocumentClient;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.mail.message.domain.DkimSigner;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessageConfiguration.class);

    @Bean
    MessageComposer messageComposer(DocumentSource documents) {
        return new MessageComposer(documents);
    }

    /**
     * Documents from pdf-service (the kit's client, {@code platform.pdf-service.*}). A document pdf-service does not
     * know is a permanent problem; anything else (unreachable, timeouts, 5xx, no bytes) is temporary.
     */
    @Bean
    DocumentSource documentSource(DocumentClient pdfService) {
        return documentId -> pdfService.fetch(documentId, e -> e.isNotFound()
                ? MessagePreparationException.permanent(e.getMessage(), e)
                : MessagePreparationException.temporary(e.getMessage(), e));
    }

    /** Signing switched on but without a usable key stops the start: mail must not go out silently unsigned. */
    @Bean
    MessageSigning messageSigning(DkimProperties dkim) {
        if (!dkim.enabled()) {
            return MessageSigning.off();
        }
        if (blank(dkim.domain()) || blank(dkim.selector()) || blank(dkim.privateKeyLocation())) {
            throw new IllegalStateException("mail.dkim.enabled is true, but mail.dkim.domain, mail.dkim.selector"
                    + " and mail.dkim.private-key-location must all be set");
        }
        try {
            DkimSigner signer = new DkimSigner(dkim.domain(), dkim.selector(),
                    PemKeys.readRsa(dkim.privateKeyPath()).getPrivate());
            log.info("DKIM signing of mail through the platform's server: d={} s={}", dkim.domain(), dkim.selector());
            return MessageSigning.with(signer);
        } catch (IOException e) {
            throw new IllegalStateException("the DKIM key mail.dkim.private-key-location cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
