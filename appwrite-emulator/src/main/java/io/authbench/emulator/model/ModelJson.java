package io.authbench.emulator.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes Appwrite 1.6 response models as JSON, keys in model-rule order, every required key present with the right
 * type and never {@code null}: the Kotlin SDK 6.1.0 hangs forever on a missing or null field
 * (docs/appwrite-behaviour.md#kotlin-server-sdk).
 */
public final class ModelJson {
    /**
     * {@code Auth::DEFAULT_ALGO_OPTIONS}, reported verbatim even though the real cost is m=65536
     * (docs/appwrite-behaviour.md#password-hashing-and-cost).
     */
    private static final int REPORTED_MEMORY_COST = 2048;

    private static final int REPORTED_TIME_COST = 4;
    private static final int REPORTED_THREADS = 3;

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What the caller may see of a session's secret (the {@code sensitive} rule). */
    public enum SecretView {
        HIDDEN,
        SHOWN
    }

    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private ModelJson() {}

    public static byte[] toBytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The User model (Users API): the Account model plus {@code password}, {@code hash}, {@code hashOptions}. */
    public static byte[] user(User user) {
        return toBytes(json -> writeUser(json, user, true));
    }

    /** The Account model ({@code GET /v1/account}): the User model without the password fields. */
    public static byte[] account(User user) {
        return toBytes(json -> writeUser(json, user, false));
    }

    public static void writeUser(JsonGenerator json, User user, boolean withPassword) throws IOException {
        json.writeStartObject();
        json.writeStringField("$id", user.id());
        json.writeStringField("$createdAt", Dates.format(user.createdAt()));
        json.writeStringField("$updatedAt", Dates.format(user.updatedAt()));
        json.writeStringField("name", user.name());
        if (withPassword) {
            if (user.passwordHash() == null) {
                json.writeNullField("password");
                json.writeNullField("hash");
                json.writeNullField("hashOptions");
            } else {
                json.writeStringField("password", user.passwordHash());
                json.writeStringField("hash", "argon2");
                json.writeObjectFieldStart("hashOptions");
                json.writeStringField("type", "argon2");
                json.writeNumberField("memoryCost", REPORTED_MEMORY_COST);
                json.writeNumberField("timeCost", REPORTED_TIME_COST);
                json.writeNumberField("threads", REPORTED_THREADS);
                json.writeEndObject();
            }
        }
        json.writeStringField("registration", Dates.format(user.createdAt()));
        json.writeBooleanField("status", user.status());
        json.writeArrayFieldStart("labels");
        json.writeEndArray();
        json.writeStringField("passwordUpdate", Dates.format(user.passwordUpdate()));
        json.writeStringField("email", user.email());
        json.writeStringField("phone", user.phone());
        json.writeBooleanField("emailVerification", false);
        json.writeBooleanField("phoneVerification", false);
        json.writeBooleanField("mfa", false);
        json.writeObjectFieldStart("prefs");
        json.writeEndObject();
        json.writeArrayFieldStart("targets");
        for (MessagingTarget target : user.targets()) {
            writeTarget(json, target);
        }
        json.writeEndArray();
        json.writeStringField("accessedAt", Dates.format(user.accessedAt()));
        json.writeEndObject();
    }

    private static void writeTarget(JsonGenerator json, MessagingTarget target) throws IOException {
        json.writeStartObject();
        json.writeStringField("$id", target.id());
        json.writeStringField("$createdAt", Dates.format(target.createdAt()));
        json.writeStringField("$updatedAt", Dates.format(target.createdAt()));
        json.writeStringField("name", "");
        json.writeStringField("userId", target.userId());
        json.writeNullField("providerId");
        json.writeStringField("providerType", target.providerType());
        json.writeStringField("identifier", target.identifier());
        json.writeBooleanField("expired", false);
        json.writeEndObject();
    }

    /**
     * The Session model, all 29 keys.
     *
     * @param secret the value of {@code secret} for a privileged caller (the encoded session on creation, the stored
     *     hash in lists); non-privileged callers get {@code ""} whatever is passed
     */
    public static void writeSession(
            JsonGenerator json, Session session, boolean current, String secret, SecretView view) throws IOException {
        ClientInfo client = session.client();
        json.writeStartObject();
        json.writeStringField("$id", session.id());
        json.writeStringField("$createdAt", Dates.format(session.createdAt()));
        json.writeStringField("$updatedAt", Dates.format(session.createdAt()));
        json.writeStringField("userId", session.userId());
        json.writeStringField("expire", Dates.format(session.expire()));
        json.writeStringField("provider", session.provider());
        json.writeStringField("providerUid", session.providerUid());
        json.writeStringField("providerAccessToken", "");
        json.writeStringField("providerAccessTokenExpiry", "");
        json.writeStringField("providerRefreshToken", "");
        json.writeStringField("ip", session.ip());
        json.writeStringField("osCode", client.osCode());
        json.writeStringField("osName", client.osName());
        json.writeStringField("osVersion", client.osVersion());
        json.writeStringField("clientType", client.clientType());
        json.writeStringField("clientCode", client.clientCode());
        json.writeStringField("clientName", client.clientName());
        json.writeStringField("clientVersion", client.clientVersion());
        json.writeStringField("clientEngine", client.clientEngine());
        json.writeStringField("clientEngineVersion", client.clientEngineVersion());
        json.writeStringField("deviceName", client.deviceName());
        json.writeStringField("deviceBrand", client.deviceBrand());
        json.writeStringField("deviceModel", client.deviceModel());
        // Loopback and private addresses have no GeoIP entry: Appwrite answers "--" / "Unknown".
        json.writeStringField("countryCode", "--");
        json.writeStringField("countryName", "Unknown");
        json.writeBooleanField("current", current);
        json.writeArrayFieldStart("factors");
        if (Session.PROVIDER_EMAIL.equals(session.provider())) {
            json.writeString("password");
        }
        json.writeEndArray();
        json.writeStringField("secret", view == SecretView.SHOWN ? secret : "");
        json.writeStringField("mfaUpdatedAt", "");
        json.writeEndObject();
    }

    /** A SessionList: {@code {"total": n, "sessions": [...]}}. */
    public static byte[] sessionList(List<Session> sessions, String currentSecretHash, SecretView view) {
        return toBytes(json -> {
            json.writeStartObject();
            json.writeNumberField("total", sessions.size());
            json.writeArrayFieldStart("sessions");
            for (Session session : sessions) {
                boolean current = session.secretHash().equals(currentSecretHash);
                writeSession(json, session, current, session.secretHash(), view);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
