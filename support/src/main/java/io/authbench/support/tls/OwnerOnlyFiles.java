package io.authbench.support.tls;

import io.authbench.support.SupportException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the run's TLS folder and files with their permissions set at creation, so a private key is never
 * readable by others, not even for the moment between writing it and a later chmod.
 */
final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {}

    /** Creates {@code folder} (owner only); its parent must exist. Fails if it exists: a run folder is made once. */
    static void createFolder(Path folder) {
        if (!Files.isDirectory(folder.getParent())) {
            throw new SupportException("The run folder " + folder.getParent() + " does not exist; create it before "
                    + "the run's certificates.");
        }
        try {
            Files.createDirectory(folder, ownerOnly(folder.getParent(), OWNER_ONLY_FOLDER));
        } catch (FileAlreadyExistsException e) {
            throw new SupportException(
                    folder + " already exists: each run gets a new certificate authority in a "
                            + "new run folder. Use a fresh run folder.",
                    e);
        } catch (IOException e) {
            throw new SupportException("Cannot create " + folder + " (" + e + ").", e);
        }
    }

    /** Writes a new file readable and writable by its owner only. */
    static void writeOwnerOnly(Path file, byte[] content) {
        write(file, content, ownerOnly(file.getParent(), OWNER_ONLY_FILE));
    }

    /** Writes a new file with the default permissions (certificates: public material). */
    static void writePublic(Path file, byte[] content) {
        write(file, content);
    }

    private static void write(Path file, byte[] content, FileAttribute<?>... attributes) {
        try {
            Files.write(Files.createFile(file, attributes), content);
        } catch (IOException e) {
            throw new SupportException("Cannot write " + file + " (" + e + ").", e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(Path where, Set<PosixFilePermission> perms) {
        if (!where.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new SupportException(where + " is not on a POSIX file system, so private keys could not be made "
                    + "readable by their owner only. Put the run folder on a POSIX file system.");
        }
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
