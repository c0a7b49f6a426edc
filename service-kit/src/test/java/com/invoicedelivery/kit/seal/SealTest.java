package com.invoicedelivery.kit.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.testing.MovableClock;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
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

    @Test
    void valuesSealedWithOneContentKeyCostTheOpenerOneRsaOperationBetweenThem() {
        Set<String> wrappedKeys = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String sealed = sealer.seal(Map.of("linkUrl", LINK + i));
            wrappedKeys.add(sealed.split("\\.")[1]);
            assertThat(opener.open(sealed)).containsEntry("linkUrl", LINK + i);
        }

        assertThat(wrappedKeys).hasSize(1);
        assertThat(opener.unwraps()).isEqualTo(1);
    }

    @Test
    void aContentKeySealsForTenMinutesAtMost() {
        MovableClock clock = new MovableClock();
        Sealer timed = Sealer.to((RSAPublicKey) KEYS.getPublic(), clock, Sealer.MAX_SEALS_PER_KEY);
        String first = timed.seal(Map.of("n", "1"));
        clock.advance(Sealer.MAX_KEY_AGE.minusSeconds(1));
        String stillFirst = timed.seal(Map.of("n", "2"));
        clock.advance(Duration.ofSeconds(1));
        String next = timed.seal(Map.of("n", "3"));

        assertThat(wrappedKeyOf(stillFirst)).isEqualTo(wrappedKeyOf(first));
        assertThat(wrappedKeyOf(next)).isNotEqualTo(wrappedKeyOf(first));
        assertThat(opener.open(first)).containsEntry("n", "1");
        assertThat(opener.open(stillFirst)).containsEntry("n", "2");
        assertThat(opener.open(next)).containsEntry("n", "3");
        assertThat(opener.unwraps()).isEqualTo(2);
    }

    @Test
    void aContentKeySealsItsCountOfValuesAtMost() {
        Sealer counted = Sealer.to((RSAPublicKey) KEYS.getPublic(), new MovableClock(), 3);
        Set<String> wrappedKeys = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            wrappedKeys.add(wrappedKeyOf(counted.seal(Map.of("n", "" + i))));
        }

        assertThat(wrappedKeys).hasSize(3);
    }

    @Test
    void theValuesAreStandardJwesBothWays() throws Exception {
        JWEObject byTheLibrary = new JWEObject(new JWEHeader.Builder(Sealer.ALGORITHM, Sealer.ENCRYPTION)
                .keyID(sealer.keyId()).build(), new Payload(Map.<String, Object>of("linkUrl", LINK)));
        byTheLibrary.encrypt(new RSAEncrypter((RSAPublicKey) KEYS.getPublic()));
        assertThat(opener.open(byTheLibrary.serialize())).containsEntry("linkUrl", LINK);

        JWEObject ours = JWEObject.parse(sealer.seal(Map.of("linkUrl", LINK)));
        ours.decrypt(new RSADecrypter((RSAPrivateKey) KEYS.getPrivate()));
        assertThat(ours.getPayload().toJSONObject()).containsEntry("linkUrl", LINK);
    }

    @Test
    void aChangedCiphertextIsRefusedAlsoWhenItsContentKeyIsKept() {
        String intact = sealer.seal(Map.of("linkUrl", LINK));
        opener.open(intact);
        String[] parts = sealer.seal(Map.of("linkUrl", LINK)).split("\\.");
        parts[4] = (parts[4].charAt(0) == 'A' ? 'B' : 'A') + parts[4].substring(1);

        assertThatThrownBy(() -> opener.open(String.join(".", parts))).isInstanceOf(UnopenableSealException.class)
                .hasMessageContaining("cannot be opened");
        assertThat(opener.unwraps()).isEqualTo(1);
    }

    @Test
    void aWrappedKeyThatDoesNotOpenIsNotKept() {
        String[] forged = sealer.seal(Map.of("linkUrl", LINK)).split("\\.");
        forged[3] = (forged[3].charAt(0) == 'A' ? 'B' : 'A') + forged[3].substring(1);

        assertThatThrownBy(() -> opener.open(String.join(".", forged))).isInstanceOf(UnopenableSealException.class);
        assertThat(opener.unwraps()).isZero();
    }

    @Test
    void aValueNamingCriticalHeaderParametersIsRefused() throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(Sealer.ALGORITHM, Sealer.ENCRYPTION)
                .keyID(sealer.keyId()).criticalParams(Set.of("exp")).customParam("exp", 1).build(),
                new Payload(Map.<String, Object>of("linkUrl", LINK)));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) KEYS.getPublic()));

        assertThatThrownBy(() -> opener.open(jwe.serialize())).isInstanceOf(UnopenableSealException.class)
                .hasMessageContaining("critical");
    }

    private static String wrappedKeyOf(String sealed) {
        return sealed.split("\\.")[1];
    }
}
