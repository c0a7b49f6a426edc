package com.invoicedelivery.kit.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class Sha256Test {

    /** FIPS 180-2, appendix B.1: SHA-256("abc"). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void theHexOfKnownInputsIsTheStandardsLowerCaseDigest() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex(new byte[0])).isEqualTo(EMPTY);
        assertThat(Base64.getEncoder().encodeToString(Sha256.digest(new byte[0])))
                .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    @Test
    void textIsHashedAsItsUtf8Bytes() {
        assertThat(Sha256.hex("Фактура")).isEqualTo(Sha256.hex("Фактура".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Sha256.hex("Фактура".getBytes(StandardCharsets.UTF_16)));
    }

    @Test
    void aTokenHashIsTheHexOfTheTokensUtf8BytesTheOneFunctionInvoiceAndTrackingBothUse() {
        assertThat(Sha256.tokenHash("abc")).isEqualTo(ABC);
        String token = "q3Vw9_x-Jk2LmN0pQrStUv";
        assertThat(Sha256.tokenHash(token)).isEqualTo(Sha256.hex(token.getBytes(StandardCharsets.UTF_8)))
                .hasSize(64).isLowerCase();
    }

    @Test
    void matchingIgnoresLetterCaseAndNeverMatchesAMissingHash() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

        assertThat(Sha256.matches(ABC, abc)).isTrue();
        assertThat(Sha256.matches(ABC.toUpperCase(), abc)).isTrue();
        assertThat(Sha256.matches(EMPTY, abc)).isFalse();
        assertThat(Sha256.matches(null, abc)).isFalse();
    }

    @Test
    void anIncrementalDigestOfPiecesEqualsTheDigestOfTheWholeAndStartsOverOnceRead() {
        Sha256.Incremental digest = Sha256.incremental()
                .update("a".getBytes(StandardCharsets.US_ASCII))
                .update("bc".getBytes(StandardCharsets.US_ASCII));

        assertThat(digest.hex()).isEqualTo(ABC);
        assertThat(digest.hex()).isEqualTo(EMPTY);
    }
}
