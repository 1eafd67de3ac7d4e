package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.Session;
import io.appwrite.models.SessionList;
import io.appwrite.models.User;
import io.appwrite.services.Account;
import io.appwrite.services.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator through the real server SDK {@code io.appwrite:sdk-for-kotlin:6.1.0}, as the SSR app uses it. */
class SdkContractTest {
    private static TestEmulator emulator;
    private static Users users;
    private static Account adminAccount;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start();
        users = new Users(Sdk.adminClient(emulator));
        adminAccount = new Account(Sdk.adminClient(emulator));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static User<Map<String, Object>> createUser(String email) throws Exception {
        return Sdk.await(c -> users.create("unique()", email, null, TestEmulator.PASSWORD, "Ann Example", c));
    }

    private static Session login(String email) throws Exception {
        return Sdk.await(c -> adminAccount.createEmailPasswordSession(email, TestEmulator.PASSWORD, c));
    }

    @Test
    void users_create_returns_the_user_model_with_a_20_hex_id_and_lower_cased_email() throws Exception {
        User<Map<String, Object>> user = createUser("Create.Test@Example.com");

        assertThat(user.getId()).matches("[0-9a-f]{20}");
        assertThat(user.getEmail()).isEqualTo("create.test@example.com");
        assertThat(user.getName()).isEqualTo("Ann Example");
        assertThat(user.getHash()).isEqualTo("argon2");
        assertThat(user.getPassword()).startsWith("$argon2id$v=19$");
        assertThat(user.getAccessedAt()).isEmpty();
        assertThat(user.getTargets())
                .singleElement()
                .satisfies(t -> assertThat(t.getIdentifier()).isEqualTo("create.test@example.com"));
    }

    @Test
    void session_created_with_the_api_key_has_a_decodable_secret() throws Exception {
        User<Map<String, Object>> user = createUser("secret@example.com");

        Session session = login("secret@example.com");

        assertThat(session.getCurrent()).isTrue();
        assertThat(session.getUserId()).isEqualTo(user.getId());
        assertThat(session.getSecret()).isNotEmpty();
        JsonNode decoded = new ObjectMapper()
                .readTree(new String(Base64.getDecoder().decode(session.getSecret()), StandardCharsets.UTF_8));
        assertThat(decoded.path("id").asText()).isEqualTo(user.getId());
        assertThat(decoded.path("secret").asText()).matches("[0-9a-f]{256}");
    }

    @Test
    void account_get_with_set_session_returns_the_signed_in_user() throws Exception {
        User<Map<String, Object>> user = createUser("get@example.com");
        Session session = login("get@example.com");
        Account account = new Account(Sdk.sessionClient(emulator, session.getSecret()));

        User<Map<String, Object>> me = Sdk.await(account::get);

        assertThat(me.getId()).isEqualTo(user.getId());
        assertThat(me.getEmail()).isEqualTo("get@example.com");
        assertThat(me.getPassword()).isNull();
        assertThat(me.getAccessedAt()).isNotEmpty();
    }

    @Test
    void sessions_can_be_listed_and_the_current_one_deleted() throws Exception {
        createUser("list@example.com");
        Session first = login("list@example.com");
        Session second = login("list@example.com");
        Account account = new Account(Sdk.sessionClient(emulator, second.getSecret()));

        SessionList list = Sdk.await(account::listSessions);
        assertThat(list.getTotal()).isEqualTo(2);
        assertThat(list.getSessions()).extracting(Session::getId).containsExactly(first.getId(), second.getId());
        assertThat(list.getSessions()).extracting(Session::getCurrent).containsExactly(false, true);
        assertThat(list.getSessions()).extracting(Session::getSecret).containsOnly("");

        Object deleted = Sdk.await(c -> account.deleteSession("current", c));
        assertThat(deleted).isEqualTo(true);

        AppwriteException afterLogout = catchThrowableOfType(() -> Sdk.await(account::get), AppwriteException.class);
        assertThat(afterLogout.getType()).isEqualTo("general_unauthorized_scope");
        Account firstAccount = new Account(Sdk.sessionClient(emulator, first.getSecret()));
        assertThat(Sdk.<User<Map<String, Object>>>await(firstAccount::get).getEmail())
                .isEqualTo("list@example.com");
    }

    @Test
    void a_user_imported_with_an_argon2_hash_signs_in_with_the_hashed_password() throws Exception {
        String hash = createUser("hash.source@example.com").getPassword();

        User<Map<String, Object>> imported =
                Sdk.await(c -> users.createArgon2User("imported-1", "Imported@Example.com", hash, "Imported User", c));

        assertThat(imported.getId()).isEqualTo("imported-1");
        assertThat(imported.getEmail()).isEqualTo("imported@example.com");
        assertThat(imported.getPassword()).isEqualTo(hash);
        assertThat(imported.getHash()).isEqualTo("argon2");
        Session session = Sdk.await(
                c -> adminAccount.createEmailPasswordSession("imported@example.com", TestEmulator.PASSWORD, c));
        assertThat(session.getUserId()).isEqualTo("imported-1");
        AppwriteException wrong = catchThrowableOfType(
                () -> Sdk.await(
                        c -> adminAccount.createEmailPasswordSession("imported@example.com", "not-the-password", c)),
                AppwriteException.class);
        assertThat(wrong.getType()).isEqualTo("user_invalid_credentials");
    }

    @Test
    void an_argon2_import_needs_an_email_and_a_free_id() throws Exception {
        String hash = createUser("hash.source2@example.com").getPassword();
        Sdk.await(c -> users.createArgon2User("imported-2", "imported2@example.com", hash, (String) null, c));

        AppwriteException taken = catchThrowableOfType(
                () -> Sdk.await(c -> users.createArgon2User("imported-2", "other@example.com", hash, (String) null, c)),
                AppwriteException.class);
        AppwriteException badEmail = catchThrowableOfType(
                () -> Sdk.await(c -> users.createArgon2User("imported-3", "not-an-email", hash, (String) null, c)),
                AppwriteException.class);

        assertThat(taken.getType()).isEqualTo("user_already_exists");
        assertThat(badEmail.getCode()).isEqualTo(400);
        assertThat(badEmail.getType()).isEqualTo("general_argument_invalid");
    }

    @Test
    void wrong_password_gives_user_invalid_credentials() throws Exception {
        createUser("wrong@example.com");

        AppwriteException e = catchThrowableOfType(
                () -> Sdk.await(
                        c -> adminAccount.createEmailPasswordSession("wrong@example.com", "not-the-password", c)),
                AppwriteException.class);

        assertThat(e.getCode()).isEqualTo(401);
        assertThat(e.getType()).isEqualTo("user_invalid_credentials");
        assertThat(e.getMessage()).isEqualTo("Invalid credentials. Please check the email and password.");
    }

    @Test
    void guest_account_get_gives_general_unauthorized_scope_with_the_exact_message() {
        Account guest = new Account(Sdk.client(emulator));

        AppwriteException e = catchThrowableOfType(() -> Sdk.await(guest::get), AppwriteException.class);

        assertThat(e.getCode()).isEqualTo(401);
        assertThat(e.getType()).isEqualTo("general_unauthorized_scope");
        assertThat(e.getMessage()).isEqualTo("User (role: guests) missing scope (account)");
    }

    @Test
    void api_key_alone_cannot_read_an_account() {
        AppwriteException e = catchThrowableOfType(() -> Sdk.await(adminAccount::get), AppwriteException.class);

        assertThat(e.getType()).isEqualTo("general_unauthorized_scope");
        assertThat(e.getMessage())
                .isEqualTo("app.authbench@service.127.0.0.1 (role: applications) missing scope (account)");
    }

    @Test
    void key_and_session_on_one_client_give_user_key_and_session_set() throws Exception {
        createUser("mixed@example.com");
        Session session = login("mixed@example.com");
        Account mixed = new Account(Sdk.adminClient(emulator).setSession(session.getSecret()));

        AppwriteException e = catchThrowableOfType(
                () -> Sdk.await(c -> mixed.createEmailPasswordSession("mixed@example.com", TestEmulator.PASSWORD, c)),
                AppwriteException.class);

        assertThat(e.getCode()).isEqualTo(403);
        assertThat(e.getType()).isEqualTo("user_key_and_session_set");
    }

    @Test
    void users_api_gets_lists_sessions_of_and_deletes_a_user() throws Exception {
        User<Map<String, Object>> user = createUser("admin@example.com");
        login("admin@example.com");

        User<Map<String, Object>> fetched = Sdk.await(c -> users.get(user.getId(), c));
        assertThat(fetched.getEmail()).isEqualTo("admin@example.com");

        SessionList sessions = Sdk.await(c -> users.listSessions(user.getId(), c));
        assertThat(sessions.getTotal()).isEqualTo(1);
        assertThat(sessions.getSessions().get(0).getSecret()).matches("[0-9a-f]{64}"); // the stored SHA-256

        assertThat(Sdk.<Object>await(c -> users.deleteSessions(user.getId(), c)))
                .isEqualTo(true);
        assertThat(Sdk.<SessionList>await(c -> users.listSessions(user.getId(), c))
                        .getTotal())
                .isZero();

        assertThat(Sdk.<Object>await(c -> users.delete(user.getId(), c))).isEqualTo(true);
        AppwriteException gone =
                catchThrowableOfType(() -> Sdk.await(c -> users.get(user.getId(), c)), AppwriteException.class);
        assertThat(gone.getType()).isEqualTo("user_not_found");
    }

    @Test
    void duplicate_email_gives_user_already_exists() throws Exception {
        createUser("dup@example.com");

        AppwriteException e = catchThrowableOfType(() -> createUser("DUP@example.com"), AppwriteException.class);

        assertThat(e.getCode()).isEqualTo(409);
        assertThat(e.getType()).isEqualTo("user_already_exists");
    }

    @Test
    void sign_up_through_account_create_returns_the_account_model() throws Exception {
        Account guest = new Account(Sdk.client(emulator));

        User<Map<String, Object>> created =
                Sdk.await(c -> guest.create("unique()", "signup@example.com", TestEmulator.PASSWORD, "Sign Up", c));

        assertThat(created.getEmail()).isEqualTo("signup@example.com");
        assertThat(created.getPassword()).isNull();
        assertThat(login("signup@example.com").getUserId()).isEqualTo(created.getId());
    }
}
