package com.invoicedelivery.kit.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.invoicedelivery.kit.security.PemKeys;
import com.nimbusds.jose.JWEObject;
import org.junit.jupiter.api.Test;

class SealTest {

    private static final KeyPair KEYS = PemKeys.generateRsa();
    private static final KeyPair OTHER_KEYS = PemKeys.generateRsa();
    private static final String LINK = "https://invoices.example.com/l/Zm9vYmFyYmF6cXV4cXV1eHh5enp5MTIzNDU2Nzg5MA";

    private final Sealer sealer = Sealer.to((RSAPublicKey) KEYS.getPublic());
    private final Opener opener = Opener.with(KEYS);

    @Test
    void whatIsSealedToAKeyOpensWithItsPrivateHalf() {
        String sealed = sealer.seal(Map.of("linkUrl", LINK, "recipientId", "r-1"));

        assertThat(opener.open(sealed)).containsEntry("linkUrl", LINK).containsEntry("recipientId", "r-1");
    }

    @Test
    void aSealedValueShowsNothingOfWhatItHolds() throws Exception {
        String sealed = sealer.seal(Map.of("linkUrl", LINK));

        assertThat(sealed).doesNotContain("Zm9vYmFy").doesNotContain("invoices.example.com");
        String header = new String(Base64.getUrlDecoder().decode(sealed.substring(0, sealed.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RSA-OAEP-256\"").contains("\"enc\":\"A256GCM\"");
        assertThat(JWEObject.parse(sealed).getHeader().getKeyID()).isEqualTo(sealer.keyId());
    }

    @Test
    void theSameValueSealedTwiceGivesTwoDifferentCiphertexts() {
        assertThat(sealer.seal(Map.of("linkUrl", LINK))).isNotEqualTo(sealer.seal(Map.of("linkUrl", LINK)));
    }

    @Test
    void aValueSealedToAnotherKeyIsRefusedNamingTheKeys() {
        String sealed = Sealer.to((RSAPublicKey) OTHER_KEYS.getPublic()).seal(Map.of("linkUrl", LINK));

        assertThatThrownBy(() -> opener.open(sealed)).isInstanceOf(UnopenableSealException.class)
                .hasMessageContaining("sealed to another key").hasMessageNotContaining(LINK);
    }

    @Test
    void aChangedCiphertextIsRefused() {
        String sealed = sealer.seal(Map.of("linkUrl", LINK));
        String[] parts = sealed.split("\\.");
        char last = parts[3].charAt(0);
        parts[3] = (last == 'A' ? 'B' : 'A') + parts[3].substring(1);

        assertThatThrownBy(() -> opener.open(String.join(".", parts))).isInstanceOf(UnopenableSealException.class)
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void somethingThatIsNotAJweIsRefused() {
        assertThatThrownBy(() -> opener.open(LINK)).isInstanceOf(UnopenableSealException.class)
                .hasMessageContaining("not a compact JWE");
        assertThatThrownBy(() -> opener.open(" ")).isInstanceOf(UnopenableSealException.class);
        assertThatThrownBy(() -> opener.open("x".repeat(Opener.MAX_SEALED_LENGTH + 1)))
                .isInstanceOf(UnopenableSealException.class);
    }

    @Test
    void anOpenerSealsToItsOwnKey() {
        assertThat(opener.open(opener.sealer().seal(Map.of("a", "b")))).isEqualTo(Map.of("a", "b"));
    }
}
