package io.authbench.harness.backend;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns the {@code --appwrite-*} options into an {@link ExternalAppwrite}, or says in one sentence what is wrong and
 * how to fix it. The key comes from a file (first line) or from {@link #KEY_ENV}; the file wins, as everywhere in
 * AuthBench (docs/CONVENTIONS.md), and the key itself is never part of a message.
 */
public final class BackendOptions {
    /** Environment variable with the API key, when no key file is given. */
    public static final String KEY_ENV = "AUTHBENCH_APPWRITE_API_KEY";
    /** Appwrite's id rule (max 36 characters, a-z, A-Z, 0-9, period, hyphen, underscore, not starting with a special character). */
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,35}");

    private BackendOptions() {}

    /** A bad {@code --appwrite-*} value: the message names the option and the fix. */
    public static final class BadOption extends Exception {
        BadOption(String message) {
            super(message);
        }
    }

    /**
     * @param endpoint the {@code --appwrite-endpoint} text; blank = the bundled emulator (then the other two must be blank)
     * @param project  the {@code --appwrite-project} text
     * @param keyFile  the {@code --appwrite-key-file} text
     * @param env      the environment ({@code System::getenv} in production)
     * @return the external backend, or null for the emulator
     */
    public static ExternalAppwrite resolve(String endpoint, String project, String keyFile, UnaryOperator<String> env)
            throws BadOption {
        if (blank(endpoint)) {
            if (!blank(project)) {
                throw new BadOption(
                        "--appwrite-project: only used with --appwrite-endpoint (the bundled emulator's project is"
                                + " always 'authbench'); add --appwrite-endpoint=URL or drop it.");
            }
            if (!blank(keyFile)) {
                throw new BadOption(
                        "--appwrite-key-file: only used with --appwrite-endpoint (the harness makes the emulator's"
                                + " key itself); add --appwrite-endpoint=URL or drop it.");
            }
            return null;
        }
        URI uri = endpoint(endpoint.trim());
        if (blank(project)) {
            throw new BadOption(
                    "--appwrite-project: required with --appwrite-endpoint; give the project ID shown in the"
                            + " Appwrite console (Settings → Project ID).");
        }
        String projectId = project.trim();
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw new BadOption(
                    "--appwrite-project: '" + projectId + "' is not an Appwrite project ID (up to 36 letters,"
                            + " digits, '.', '-' or '_', starting with a letter or digit); copy it from the Appwrite console.");
        }
        return new ExternalAppwrite(uri, projectId, apiKey(keyFile, env));
    }

    private static URI endpoint(String text) throws BadOption {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadOption("--appwrite-endpoint: '" + text + "' is not a URL; give the API base, e.g."
                    + " https://cloud.appwrite.io/v1.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new BadOption(
                    "--appwrite-endpoint: '" + text + "' is not an http:// or https:// URL with a host; give"
                            + " the API base, e.g. https://cloud.appwrite.io/v1.");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo it: the user part may hold a password.
            throw new BadOption(
                    "--appwrite-endpoint: the URL carries credentials (user@ or user:password@); remove them,"
                            + " the API key goes in --appwrite-key-file or " + KEY_ENV + ".");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new BadOption("--appwrite-endpoint: remove the query or fragment from '" + uri.getScheme() + "://"
                    + uri.getRawAuthority() + uri.getRawPath()
                    + "…'; give the API base, e.g. https://cloud.appwrite.io/v1.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (!path.endsWith("/v1")) {
            throw new BadOption(
                    "--appwrite-endpoint: '" + text + "' does not end with /v1; give Appwrite's API base as the"
                            + " console shows it (Settings → API endpoint), e.g. https://cloud.appwrite.io/v1.");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static String apiKey(String keyFile, UnaryOperator<String> env) throws BadOption {
        if (!blank(keyFile)) {
            Path file = Path.of(keyFile.trim());
            if (!Files.isRegularFile(file)) {
                throw new BadOption("--appwrite-key-file: no file at " + file.toAbsolutePath()
                        + "; put the API key's secret" + " on its first line.");
            }
            String firstLine;
            try {
                firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("")
                        .strip();
            } catch (IOException e) {
                throw new BadOption("--appwrite-key-file: cannot read " + file.toAbsolutePath() + " ("
                        + e.getClass().getSimpleName() + "); check its permissions.");
            }
            if (firstLine.isEmpty()) {
                throw new BadOption("--appwrite-key-file: the first line of " + file.toAbsolutePath()
                        + " is empty; put the API" + " key's secret there.");
            }
            return firstLine;
        }
        String fromEnv = env.apply(KEY_ENV);
        if (blank(fromEnv)) {
            throw new BadOption(
                    "--appwrite-endpoint needs an API key: give --appwrite-key-file=FILE (the secret on its first"
                            + " line) or set " + KEY_ENV
                            + "; create the key in the Appwrite console with the scopes users.write and"
                            + " sessions.write.");
        }
        return fromEnv.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
