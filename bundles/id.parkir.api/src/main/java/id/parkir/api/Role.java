package id.parkir.api;

import java.util.Locale;

/** What a user may do: operators run the gates and the cash desk, admins everything. */
public enum Role {
    ADMIN, OPERATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.code().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw ParkirException.invalid("role_invalid", "role must be admin or operator");
    }
}
