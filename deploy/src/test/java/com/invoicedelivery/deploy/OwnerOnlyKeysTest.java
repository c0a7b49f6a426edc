package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's keys are the user's alone: nobody else on the machine may list or read them. */
class OwnerOnlyKeysTest {

    @TempDir
    Path data;

    @BeforeEach
    void posixFileSystem() {
        assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aNewKeyFileAndItsDirectoryAreTheOwnersOnly() throws Exception {
        Path keys = data.resolve("keys");

        OwnerOnlyKeys.writeNew(keys.resolve("mail-secrets.key"), "c2VjcmV0");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("mail-secrets.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keys.resolve("mail-secrets.key"))).isEqualTo("c2VjcmV0");
    }

    @Test
    void keysAnOlderLauncherLeftReadableByEveryoneAreRestricted() throws Exception {
        Path keys = Files.createDirectories(data.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path privateKey = Files.writeString(keys.resolve("jwt-private.pem"), "-----BEGIN PRIVATE KEY-----");
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyKeys.restrict(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
    }
}
