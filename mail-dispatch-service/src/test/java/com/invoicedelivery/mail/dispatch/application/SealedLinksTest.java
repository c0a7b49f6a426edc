package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.kit.seal.Opener;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import org.junit.jupiter.api.Test;

class SealedLinksTest {

    private static final String LINK = "https://links.example/l/token-1";

    private final Opener opener = TestLinkSeal.opener();
    private final AtomicInteger openings = new AtomicInteger();
    private final Function<String, Map<String, String>> countingOpener = sealed -> {
        openings.incrementAndGet();
        return opener.open(sealed);
    };
    private static final int KEPT = 3;

    private final SealedLinks links = new SealedLinks(countingOpener, opener.sealer(), KEPT);

    private static String sealed(String recipientId) {
        return TestLinkSeal.sealer().seal(new SealedLinkContent("acme", "send-1", recipientId, LINK).fields());
    }

    @Test
    void aLinkCheckedWhenItsJobWasMadeIsNotDecryptedAgainForTheSameJob() {
        String sealed = sealed("r-1");

        links.checked("acme", "send-1", "r-1", sealed);
        links.checked("acme", "send-1", "r-1", sealed);

        assertThat(openings).hasValue(1);
    }

    @Test
    void aLinkKeptForOneRecipientIsStillRefusedForAnother() {
        String sealed = sealed("r-1");
        links.checked("acme", "send-1", "r-1", sealed);

        assertThatThrownBy(() -> links.checked("acme", "send-1", "r-2", sealed))
                .isInstanceOf(SealedLinks.InvalidSealedLinkException.class)
                .hasMessageContaining("sealed for another tenant, send or recipient");
        assertThat(openings).as("the other recipient's check opened the value anew").hasValue(2);
    }

    @Test
    void theLinksKeptAreBoundedAndOneThatFellOutIsOpenedAgain() {
        String first = sealed("r-0");
        links.checked("acme", "send-1", "r-0", first);
        for (int i = 1; i <= KEPT; i++) {
            links.checked("acme", "send-1", "r-" + i, sealed("r-" + i));
        }
        openings.set(0);

        links.checked("acme", "send-1", "r-0", first);

        assertThat(openings).hasValue(1);
    }
}
