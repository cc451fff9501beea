package id.parkir.rest.internal;

import id.parkir.api.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method; checked by {@link AuthFilter}. A method without it is for
 * admins only, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {
    /** Roles allowed; empty together with {@link #anonymous()} for the login endpoint. */
    Role[] value() default {};

    /** No token needed (login only). */
    boolean anonymous() default false;

    /** Allowed even while the account must change its password (change password, logout, me). */
    boolean beforePasswordChange() default false;

    /**
     * The token may also come as the query parameter {@code access_token}: for what a browser loads
     * by address in an {@code <img>} or {@code <video>} element, which cannot send a header (live
     * view, snapshots, recordings).
     */
    boolean tokenInQuery() default false;
}
