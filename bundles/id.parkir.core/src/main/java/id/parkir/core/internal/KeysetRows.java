package id.parkir.core.internal;

import id.parkir.store.jpa.ParkirStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.persistence.EntityManager;

/**
 * The rows of a row report, read in pages of {@link #PAGE} along an index ordered by (time, id):
 * each page is one short read that starts where the last one ended (keyset paging, never OFFSET),
 * so the database reads each row once, holds no connection while the rows are written to the
 * client, and memory holds two pages, however long the period: while one is written, the next is
 * read on the {@code reader} (the second core works meanwhile; without a reader, in turn). The select list begins with the
 * time and the id; {@code table} names the index for Derby (its optimizer ignores FETCH FIRST and
 * would sort a wide range; PostgreSQL reads the property as a comment).
 */
final class KeysetRows {
    static final int PAGE = 2_000;

    /** Work on a page inside its read, e.g. looking up what the page's rows refer to. */
    @FunctionalInterface
    interface PageLookup<T> {
        T lookup(EntityManager em, List<Object[]> rows);
    }

    private final ParkirStore store;
    private final String select;
    private final String where;
    private final List<Object> params;
    private final long first;
    private final String time;
    private final String id;
    private final boolean newestFirst;
    private final int pageSize;
    private final Executor reader;

    /**
     * @param select      {@code SELECT time, id, ... FROM table --DERBY-PROPERTIES index=...\n}
     * @param where       the report's other conditions, with {@code params}: the far end of the period
     *                    ({@code time < ?}, or {@code time >= ?} newest first) and its filters
     * @param first       where the first page starts: the period's start (newest first: its end, excluded).
     *                    Each later page starts at the last row read; the index range has one start
     *                    condition, which Derby uses as its start key.
     * @param time        the time column, {@code id} the unique id column: the order of the index read
     */
    KeysetRows(ParkirStore store, Executor reader, String select, String where, List<Object> params, long first, String time,
               String id, boolean newestFirst, int pageSize) {
        this.reader = reader;
        this.store = store;
        this.select = select;
        this.where = where;
        this.params = List.copyOf(params);
        this.first = first;
        this.time = time;
        this.id = id;
        this.newestFirst = newestFirst;
        this.pageSize = pageSize;
    }

    /** Every row, in order, a page at a time; {@code lookup} runs inside each page's read. */
    <T> void forEachPage(PageLookup<T> lookup, PageResult<T> sink) throws IOException {
        Page<T> page = fetch(lookup, null);
        while (!page.rows().isEmpty()) {
            CompletableFuture<Page<T>> next = null;
            if (page.rows().size() == pageSize) {
                Object[] last = page.rows().get(page.rows().size() - 1);
                Object[] after = {last[0], last[1]};
                next = reader == null ? CompletableFuture.completedFuture(fetch(lookup, after))
                        : CompletableFuture.supplyAsync(() -> fetch(lookup, after), reader);
            }
            try {
                sink.page(page.rows(), page.extra());
            } catch (IOException | RuntimeException e) {
                if (next != null) {
                    next.cancel(false); // the client is gone, or has enough: the page being read is dropped
                }
                throw e;
            }
            if (next == null) {
                return;
            }
            try {
                page = next.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    private <T> Page<T> fetch(PageLookup<T> lookup, Object[] after) {
        return store.read(em -> {
            List<Object[]> rows = read(em, after);
            return new Page<>(rows, rows.isEmpty() || lookup == null ? null : lookup.lookup(em, rows));
        });
    }

    /** A page and what its lookup found. */
    record Page<T>(List<Object[]> rows, T extra) {
    }

    /** Receives a page of rows as the database answered them, and its lookup, after its read has ended. */
    @FunctionalInterface
    interface PageResult<T> {
        void page(List<Object[]> rows, T extra) throws IOException;
    }

    private List<Object[]> read(EntityManager em, Object[] after) {
        String cmp = newestFirst ? "<" : ">";
        String order = newestFirst ? " DESC" : "";
        StringBuilder sql = new StringBuilder(select).append(" WHERE ");
        List<Object> all = new ArrayList<>();
        if (after == null) {
            sql.append(time).append(newestFirst ? " < ?" : " >= ?");
            all.add(first);
        } else {
            // the first condition bounds the index range; the second skips the rows of that moment already read
            sql.append(time).append(' ').append(cmp).append("= ? AND (").append(time).append(' ').append(cmp)
                    .append(" ? OR ").append(id).append(' ').append(cmp).append(" ?)");
            all.add(after[0]);
            all.add(after[0]);
            all.add(after[1]);
        }
        sql.append(" AND ").append(where);
        all.addAll(params);
        sql.append(" ORDER BY ").append(time).append(order).append(", ").append(id).append(order)
                .append(" FETCH FIRST ").append(pageSize).append(" ROWS ONLY");
        return ReportSql.rows(em, sql.toString(), all);
    }
}
