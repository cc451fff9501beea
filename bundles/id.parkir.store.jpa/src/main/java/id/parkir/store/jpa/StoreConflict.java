package id.parkir.store.jpa;

import java.util.Locale;

/**
 * A write the database refused because of a rule it holds for every server sharing it: a unique
 * key already taken, a foreign key or check violated, or a row changed by someone else since it
 * was read (optimistic version). Everything the transaction did is rolled back. The caller turns
 * it into what it means in the domain (409 "plate already inside", a retry, ...).
 */
public final class StoreConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { UNIQUE, FOREIGN_KEY, CHECK, STALE }

    private final Kind kind;
    private final String constraint;

    public StoreConflict(Kind kind, String constraint, Throwable cause) {
        super(kind + (constraint == null ? "" : " " + constraint), cause);
        this.kind = kind;
        this.constraint = constraint == null ? "" : constraint.toUpperCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** The constraint's name in upper case (as the migrations name it), or "" when not known. */
    public String constraint() {
        return constraint;
    }

    /** True when this is a unique key violation of the named constraint. */
    public boolean isUnique(String name) {
        return kind == Kind.UNIQUE && constraint.equals(name);
    }
}
