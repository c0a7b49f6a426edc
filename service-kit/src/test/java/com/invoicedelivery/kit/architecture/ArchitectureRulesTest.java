package com.invoicedelivery.kit.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The kit's own rules catch what they are meant to catch, and let the kit's classes pass. */
class ArchitectureRulesTest {

    @Test
    void aServiceClassWithItsOwnMessageDigestBreaksTheOneDigestRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(HandRolledDigest.class);

        assertThatThrownBy(() -> ArchitectureRules.digestsComeFromTheKit().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(HandRolledDigest.class.getName())
                .hasMessageContaining("MessageDigest.getInstance");
    }

    @Test
    void theKitsDigestClassKeepsTheOneDigestRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(Sha256.class, Sha256.Incremental.class,
                UsesTheKitsDigest.class);

        assertThatCode(() -> ArchitectureRules.digestsComeFromTheKit().check(classes)).doesNotThrowAnyException();
    }

    @Test
    void aServicesOwnMalformedRecordExceptionBreaksTheOneExceptionRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(MalformedOrderException.class);

        assertThatThrownBy(() -> ArchitectureRules.malformedRecordsAreTheKits().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(MalformedOrderException.class.getName());
    }

    @Test
    void theKitsMalformedRecordExceptionKeepsTheOneExceptionRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(MalformedRecordException.class,
                HandRolledDigest.class);

        assertThatCode(() -> ArchitectureRules.malformedRecordsAreTheKits().check(classes))
                .doesNotThrowAnyException();
    }

    static final class MalformedOrderException extends RuntimeException {
    }

    static final class HandRolledDigest {

        static byte[] hash(byte[] bytes) throws NoSuchAlgorithmException {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
    }

    static final class UsesTheKitsDigest {

        static String hash(byte[] bytes) {
            return Sha256.hex(bytes);
        }
    }
}
