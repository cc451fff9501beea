package id.parkir.security.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.security.ActivityQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filters of an activity search, checked (each bad one a 400 naming it), as a WHERE clause
 * with its parameters. The free text has no index: it is compared within a time range of at most
 * {@link #TEXT_DAYS} days (the last {@value #TEXT_DAYS} days before {@code to} when no
 * {@code from} is given), so its cost is bounded by the entries of a month.
 */
record ActivityFilters(String table, String where, List<Object> params, int page, int size) {
    static final int TEXT_DAYS = 31;
    static final int MAX_TEXT = 100;
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_.-]{1,48}");

    static ActivityFilters of(ActivityQuery q, Instant now) {
        ActivitySearch.checkPaging(q.page(), q.size());
        Instant from = q.from();
        Instant to = q.to();
        if (from != null && to != null && !from.isBefore(to)) {
            throw ParkirException.invalid("range_invalid", "from must be before to");
        }
        String user = blank(q.username()) ? null : q.username().trim();
        if (user != null && user.length() > 64) {
            throw ParkirException.invalid("user_invalid", "user is at most 64 characters");
        }
        String action = blank(q.action()) ? null : q.action().trim();
        if (action != null && !ACTION.matcher(action).matches()) {
            throw ParkirException.invalid("action_invalid", "action is an action name such as LOGIN_FAILED");
        }
        String text = blank(q.text()) ? null : q.text().trim();
        if (text != null) {
            if (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
                throw ParkirException.invalid("q_invalid", "q is at most " + MAX_TEXT + " characters of text");
            }
            Instant end = to != null ? to : now;
            if (from == null) {
                from = end.minus(Duration.ofDays(TEXT_DAYS));
            } else if (Duration.between(from, end).compareTo(Duration.ofDays(TEXT_DAYS)) > 0) {
                throw ParkirException.invalid("range_too_long", "a text search (q) covers at most " + TEXT_DAYS
                        + " days: narrow from/to");
            }
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (user != null) {
            and(where, "USERNAME = ?", params, user);
        }
        if (action != null) {
            and(where, "EVENT = ?", params, action);
        }
        if (from != null) {
            and(where, "AT_MILLIS >= ?", params, from.toEpochMilli());
        }
        if (to != null) {
            and(where, "AT_MILLIS < ?", params, to.toEpochMilli());
        }
        if (text != null) {
            and(where, "LOWER(DETAIL) LIKE ? ESCAPE '!'", params, "%" + like(text.toLowerCase(Locale.ROOT)) + "%");
        }
        String index = user != null ? "IX_ACTIVITY_USER_AT_DESC" : action != null ? "IX_ACTIVITY_EVENT_AT_DESC"
                : "IX_ACTIVITY_AT_DESC";
        return new ActivityFilters(table(index), where.toString(), List.copyOf(params), q.page(), q.size());
    }

    /**
     * The table with the index to read it by. Derby's optimizer costs a query as if every row of the
     * range were returned (it ignores FETCH NEXT), so for a wide range it would scan the table and
     * sort it; its property comment names the index. PostgreSQL reads it as a comment, and its
     * planner counts the limit itself. (store.jpa's ActivityIndexesTest checks the plans.)
     */
    static String table(String index) {
        return "PARKIR_ACTIVITY --DERBY-PROPERTIES index=" + index + "\n";
    }

    /** The text taken literally: LIKE's own characters escaped. */
    static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static void and(StringBuilder where, String condition, List<Object> params, Object value) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        params.add(value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
