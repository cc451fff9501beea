package id.parkir.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import id.parkir.api.security.ActivityQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityFiltersTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private static ActivityFilters of(Instant from, Instant to, String user, String action, String q, int page, int size) {
        return ActivityFilters.of(new ActivityQuery(from, to, user, action, q, page, size), NOW);
    }

    private static String refused(Instant from, Instant to, String user, String action, String q, int page, int size) {
        return assertThrows(ParkirException.class, () -> of(from, to, user, action, q, page, size)).code();
    }

    @Test
    void eachFilterIsOneParameterAndPicksItsIndex() {
        ActivityFilters all = of(null, null, null, null, null, 0, 50);
        assertEquals("", all.where());
        assertTrue(all.table().contains("index=IX_ACTIVITY_AT_DESC\n"), all.table());

        Instant from = NOW.minus(Duration.ofDays(400));
        ActivityFilters f = of(from, NOW, " kasir1 ", "LOGIN_FAILED", null, 2, 100);
        assertEquals(" WHERE USERNAME = ? AND EVENT = ? AND AT_MILLIS >= ? AND AT_MILLIS < ?", f.where());
        assertEquals(List.of("kasir1", "LOGIN_FAILED", from.toEpochMilli(), NOW.toEpochMilli()), f.params());
        assertTrue(f.table().contains("IX_ACTIVITY_USER_AT_DESC"));
        assertTrue(of(null, null, null, "ZONE_SAVED", null, 0, 50).table().contains("IX_ACTIVITY_EVENT_AT_DESC"));
    }

    @Test
    void freeTextIsLiteralAndBoundedToAMonth() {
        ActivityFilters f = of(null, null, null, null, "50%_off!", 0, 50);
        assertEquals(" WHERE AT_MILLIS >= ? AND LOWER(DETAIL) LIKE ? ESCAPE '!'", f.where());
        assertEquals(NOW.minus(Duration.ofDays(31)).toEpochMilli(), f.params().get(0), "the last 31 days by default");
        assertEquals("%50!%!_off!!%", f.params().get(1));
        Instant to = Instant.parse("2026-01-31T17:00:00Z");
        ActivityFilters before = of(null, to, null, null, "Kasir", 0, 50);
        assertEquals(List.of(to.minus(Duration.ofDays(31)).toEpochMilli(), to.toEpochMilli(), "%kasir%"), before.params());
        assertEquals("range_too_long", refused(to.minus(Duration.ofDays(32)), to, null, null, "x", 0, 50));
        assertEquals("q_invalid", refused(null, null, null, null, "x".repeat(101), 0, 50));
        assertEquals("q_invalid", refused(null, null, null, null, "a\u0000b", 0, 50));
    }

    @Test
    void badFiltersAndPagesAreRefused() {
        assertEquals("range_invalid", refused(NOW, NOW, null, null, null, 0, 50));
        assertEquals("user_invalid", refused(null, null, "u".repeat(65), null, null, 0, 50));
        assertEquals("action_invalid", refused(null, null, null, "LOGIN' OR '1'='1", null, 0, 50));
        assertEquals("paging_invalid", refused(null, null, null, null, null, 0, 501));
        assertEquals("paging_invalid", refused(null, null, null, null, null, 0, 0));
        assertEquals("paging_invalid", refused(null, null, null, null, null, -1, 50));
        assertEquals("paging_invalid", refused(null, null, null, null, null, 20, 500));
        assertEquals(19, of(null, null, null, null, null, 19, 500).page(), "the last page of the window");
    }
}
