package id.parkir.security.internal;

import id.parkir.api.ParkirException;
import java.util.Locale;

/** What a new password must satisfy; violations are user errors with a message that says why. */
final class PasswordPolicy {
    private final int minLength;
    private final boolean requireLetterAndDigit;

    PasswordPolicy(int minLength, boolean requireLetterAndDigit) {
        this.minLength = minLength;
        this.requireLetterAndDigit = requireLetterAndDigit;
    }

    void check(String username, String password) {
        if (password == null || password.length() < minLength) {
            throw ParkirException.invalid("password_too_short", "password must have at least " + minLength + " characters");
        }
        if (password.length() > 128) {
            throw ParkirException.invalid("password_too_long", "password must have at most 128 characters");
        }
        if (requireLetterAndDigit && (password.chars().noneMatch(Character::isLetter)
                || password.chars().noneMatch(Character::isDigit))) {
            throw ParkirException.invalid("password_too_simple", "password must contain letters and digits");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ParkirException.invalid("password_contains_username", "password must not contain the username");
        }
    }
}
