package com.invoicedelivery.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The launcher's key directory ({@code .data/keys/}): the signing key and the key that encrypts tenants' SMTP
 * passwords, so only the user who runs the platform may list or read it (0700, files 0600). On a file system
 * without POSIX permissions (Windows) the files keep what the system gives them.
 */
final class OwnerOnlyKeys {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyKeys() {
    }

    /**
     * Makes the directory if needed and restricts it and every file in it to the owner, also when an older
     * launcher left them readable by everyone.
     */
    static void restrict(Path directory) throws IOException {
        Files.createDirectories(directory);
        setPermissions(directory, DIRECTORY);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                setPermissions(file, FILE);
            }
        }
    }

    /** Writes a new key file that is never readable by others, not even between its creation and a chmod. */
    static void writeNew(Path file, String content) throws IOException {
        restrict(file.toAbsolutePath().getParent());
        if (supportsPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.writeString(file, content);
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (supportsPosix(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
