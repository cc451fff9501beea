package id.parkir.api;

/**
 * An error a caller can act on: it carries a stable machine code, a message fit to show to an
 * operator, and the kind of failure (which the REST layer maps to an HTTP status).
 */
public class ParkirException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure; each maps to one HTTP status. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), PAYMENT_REFUSED(402), FORBIDDEN(403), NOT_FOUND(404),
        CONFLICT(409), TOO_LARGE(413), LOCKED(423), UNAVAILABLE(503);

        public final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    private final Kind kind;
    private final String code;

    public ParkirException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static ParkirException invalid(String code, String message) {
        return new ParkirException(Kind.INVALID, code, message);
    }

    public static ParkirException notFound(String code, String message) {
        return new ParkirException(Kind.NOT_FOUND, code, message);
    }

    public static ParkirException conflict(String code, String message) {
        return new ParkirException(Kind.CONFLICT, code, message);
    }

    public static ParkirException forbidden(String code, String message) {
        return new ParkirException(Kind.FORBIDDEN, code, message);
    }

    public static ParkirException unavailable(String code, String message) {
        return new ParkirException(Kind.UNAVAILABLE, code, message);
    }
}
