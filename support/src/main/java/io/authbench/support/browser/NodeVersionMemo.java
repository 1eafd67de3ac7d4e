package io.authbench.support.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Remembers the major version of the last node binary checked, in one small file, keyed by the binary's real path,
 * size and modification time: an upgraded or replaced node has a different key and is checked again.
 * Everything here is best effort; a memo that cannot be read or written just means running {@code node --version}.
 */
class NodeVersionMemo {
    /** Remembers nothing: every check runs {@code node --version}. */
    static final NodeVersionMemo NONE = new NodeVersionMemo(null);

    private final Path file;

    NodeVersionMemo(Path file) {
        this.file = file;
    }

    Optional<Integer> lookup(Path node) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            String[] entry =
                    Files.readString(file, StandardCharsets.UTF_8).strip().split("\t");
            if (entry.length == 2 && entry[0].equals(key(node))) {
                return Optional.of(Integer.parseInt(entry[1]));
            }
        } catch (IOException | NumberFormatException e) {
            // No memo yet, or a damaged one: check again.
        }
        return Optional.empty();
    }

    void remember(Path node, int majorVersion) {
        if (file == null) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temp, key(node) + "\t" + majorVersion + "\n", StandardCharsets.UTF_8);
            // Atomic replace: a concurrent reader sees the old or the new entry, never half of one.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Best effort: the next JVM checks again.
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a stray temp file of a few bytes
            }
        }
    }

    private static String key(Path node) throws IOException {
        Path real = node.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        return real + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
    }
}
