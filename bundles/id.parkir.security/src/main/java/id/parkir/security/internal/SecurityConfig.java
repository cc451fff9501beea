package id.parkir.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code id.parkir.security} (etc/id.parkir.security.cfg documents every key). */
@ObjectClassDefinition(name = "Parkir security", description = "Users, password policy, lock-out and API tokens")
public @interface SecurityConfig {
    @AttributeDefinition(description = "Password of the 'admin' account created on first start with an empty database; it must be changed at first login")
    String admin_initialPassword() default "admin";

    @AttributeDefinition(description = "Minimum password length")
    int password_minLength() default 8;

    @AttributeDefinition(description = "Require at least one letter and one digit")
    boolean password_requireLetterAndDigit() default true;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
    int password_iterations() default 210000;

    @AttributeDefinition(description = "Failed logins in a row before the account is locked")
    int lockout_maxFailures() default 5;

    @AttributeDefinition(description = "How long a locked account stays locked, in minutes")
    int lockout_minutes() default 15;

    @AttributeDefinition(description = "How long an API token is valid, in hours")
    int token_hours() default 12;

    @AttributeDefinition(description = "Activity log lines older than this many days are deleted, once a day; 0 keeps them all")
    int activity_retentionDays() default 1825;
}
