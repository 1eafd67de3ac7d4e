package io.authbench.emulator.model;

import java.time.Instant;

/** A messaging target; every user with an email gets one email target, as Appwrite creates it. */
public record MessagingTarget(String id, Instant createdAt, String userId, String providerType, String identifier) {}
