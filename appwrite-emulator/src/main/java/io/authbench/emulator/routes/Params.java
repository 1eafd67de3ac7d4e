package io.authbench.emulator.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.authbench.emulator.http.ApiRequest;
import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.model.Ids;
import java.util.regex.Pattern;

/** Parameter validation with Appwrite's validator descriptions, so bad input gets the message a real server sends. */
final class Params {
    static final String EMAIL_DESCRIPTION = "Value must be a valid email address";
    static final String PASSWORD_DESCRIPTION = "Password must be between 8 and 256 characters long.";
    static final String CUSTOM_ID_DESCRIPTION = "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, "
            + "0-9, period, hyphen, and underscore. Can't start with a special char";
    static final String PHONE_DESCRIPTION = "Phone number must start with a '+' can have a maximum of fifteen digits.";
    static final String NAME_DESCRIPTION = "Value must be a valid string and no longer than 128 chars";

    /** An approximation of PHP's FILTER_VALIDATE_EMAIL: dot-atom local part, dotted host name with valid labels. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?=.{1,320}$)(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{5,14}");

    private Params() {}

    /** The raw email as sent (Appwrite's rate-limit key uses it before lower-casing). */
    static String rawEmail(ApiRequest request) {
        JsonNode email = request.param("email");
        return email != null && email.isTextual() ? email.asText() : null;
    }

    static String email(ApiRequest request, boolean required) {
        String email = string(request, "email", required, EMAIL_DESCRIPTION);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw AppwriteException.invalidParam("email", EMAIL_DESCRIPTION);
        }
        return email;
    }

    static String password(ApiRequest request, boolean required) {
        String password = string(request, "password", required, PASSWORD_DESCRIPTION);
        if (password != null) {
            int length = password.codePointCount(0, password.length());
            if (length < 8 || length > 256) {
                throw AppwriteException.invalidParam("password", PASSWORD_DESCRIPTION);
            }
        }
        return password;
    }

    static String userId(ApiRequest request) {
        String id = string(request, "userId", true, CUSTOM_ID_DESCRIPTION);
        if (!id.equals("unique()") && !Ids.isValidCustomId(id)) {
            throw AppwriteException.invalidParam("userId", CUSTOM_ID_DESCRIPTION);
        }
        return id;
    }

    static String phone(ApiRequest request) {
        String phone = string(request, "phone", false, PHONE_DESCRIPTION);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw AppwriteException.invalidParam("phone", PHONE_DESCRIPTION);
        }
        return phone;
    }

    static String name(ApiRequest request) {
        String name = string(request, "name", false, NAME_DESCRIPTION);
        if (name != null && name.codePointCount(0, name.length()) > 128) {
            throw AppwriteException.invalidParam("name", NAME_DESCRIPTION);
        }
        return name == null ? "" : name;
    }

    private static String string(ApiRequest request, String name, boolean required, String description) {
        JsonNode value = request.param(name);
        if (value == null) {
            if (required) {
                throw AppwriteException.missingParam(name);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw AppwriteException.invalidParam(name, description);
        }
        return value.asText();
    }
}
