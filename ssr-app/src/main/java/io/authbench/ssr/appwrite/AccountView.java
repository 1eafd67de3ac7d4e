package io.authbench.ssr.appwrite;

/**
 * The parts of Appwrite's Account model the pages show. All values are user-controlled text as far as HTML is
 * concerned (a name can be {@code <img src=x onerror=alert(1)>}): pages escape every one of them.
 *
 * @param id                user id ({@code $id})
 * @param name              display name, may be empty
 * @param email             email address
 * @param createdAt         {@code $createdAt}, an Appwrite datetime such as {@code 2026-11-27T07:00:00.000+00:00}
 * @param emailVerified     {@code emailVerification}
 */
public record AccountView(String id, String name, String email, String createdAt, boolean emailVerified) {}
