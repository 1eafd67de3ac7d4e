package io.authbench.harness.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network profiles a run can use: the bundled ones (docs/architecture.md#network-profiles: {@code loopback}, {@code
 * cable}, {@code slow-4g}, {@code far-backend}) plus any a user defines in a file of the same format
 * (harness/README-profiles.md).
 *
 * <p>Immutable. Profiles keep their definition order: bundled first, then new ones from the user file; a user profile
 * with a bundled name replaces the bundled one in place.
 */
public final class Profiles {

    /** Classpath location of the bundled profiles file. */
    public static final String BUNDLED_RESOURCE = "/io/authbench/harness/profile/profiles.json";

    private final Map<String, NetworkProfile> byName;

    private Profiles(Map<String, NetworkProfile> byName) {
        this.byName = byName;
    }

    /** The profiles shipped with the harness. */
    public static Profiles bundled() {
        try (InputStream in = Profiles.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "bundled profiles " + BUNDLED_RESOURCE + " missing from the classpath; rebuild the harness");
            }
            return of(ProfileFileReader.read("(bundled) " + BUNDLED_RESOURCE, in));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "bundled profiles " + BUNDLED_RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bundled profiles, with the profiles of {@code userFile} added or replacing bundled ones of the same name. */
    public static Profiles withUserFile(Path userFile) {
        return bundled().overriddenBy(userFile);
    }

    /** Exactly the given profiles, in order (for callers that build profiles in code, e.g. tests). */
    public static Profiles of(Collection<NetworkProfile> profiles) {
        Map<String, NetworkProfile> map = new LinkedHashMap<>();
        for (NetworkProfile p : profiles) {
            if (map.put(p.name(), p) != null) {
                throw new IllegalArgumentException("profile '" + p.name() + "' is given twice");
            }
        }
        return new Profiles(map);
    }

    /**
     * These profiles with those of {@code file} added; a profile of the same name is replaced as a whole.
     *
     * @throws ProfileFileException if the file is missing, unreadable or invalid (the message names the problem)
     */
    public Profiles overriddenBy(Path file) {
        List<NetworkProfile> fromFile;
        try (InputStream in = Files.newInputStream(file)) {
            fromFile = ProfileFileReader.read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new ProfileFileException("profiles file " + file + ": does not exist; check the path", e);
        } catch (IOException e) {
            throw new ProfileFileException(
                    "profiles file " + file + ": cannot be read (" + e.getMessage()
                            + "); check the path and its permissions",
                    e);
        }
        Map<String, NetworkProfile> merged = new LinkedHashMap<>(byName);
        fromFile.forEach(p -> merged.put(p.name(), p));
        return new Profiles(merged);
    }

    /**
     * The profile with this name.
     *
     * @throws UnknownProfileException if there is none; its message lists the known names
     */
    public NetworkProfile get(String name) {
        NetworkProfile profile = byName.get(name);
        if (profile == null) {
            throw new UnknownProfileException(name, names());
        }
        return profile;
    }

    /** The named profiles in the order asked for, e.g. from {@code --profiles cable,slow-4g}. */
    public List<NetworkProfile> get(Collection<String> names) {
        List<NetworkProfile> result = new ArrayList<>(names.size());
        for (String name : names) {
            result.add(get(name));
        }
        return List.copyOf(result);
    }

    /** Whether a profile of this name exists. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** All profile names in definition order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** All profiles in definition order. */
    public List<NetworkProfile> all() {
        return List.copyOf(byName.values());
    }
}
