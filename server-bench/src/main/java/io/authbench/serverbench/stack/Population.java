package io.authbench.serverbench.stack;

import java.util.List;

/**
 * The users both variants share.
 *
 * @param pageViewUsers signed in once for SSR and once for CSR; every page view (JMH and load) uses them
 * @param loginUsers    without sessions, for the login benchmarks only: each login adds a session and Appwrite keeps
 *                      ten per user, so logging the page-view users in again would prune their sessions mid-run
 */
public record Population(List<PopulationUser> pageViewUsers, List<PopulationUser> loginUsers) {
    public Population {
        pageViewUsers = List.copyOf(pageViewUsers);
        loginUsers = List.copyOf(loginUsers);
    }
}
