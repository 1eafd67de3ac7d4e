package io.authbench.harness.apptarget;

/**
 * Browser-facing link ports a launched target fixes (a target file's {@code ports}), for apps that have their
 * addresses built in at build time (Next.js {@code NEXT_PUBLIC_*}): the browser then always finds the app and
 * Appwrite at the same {@code http://<public host>:<port>}, profile after profile.
 *
 * @param app                the browser→app link's port; 0 = any free port
 * @param appwriteForBrowser the browser→Appwrite link's port; 0 = any free port
 */
public record PinnedPorts(int app, int appwriteForBrowser) {
    /** Nothing pinned. */
    public static final PinnedPorts NONE = new PinnedPorts(0, 0);
}
