package id.parkir.store.jpa.internal;

import id.parkir.api.ParkirException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets work into the database, or, while the database is being replaced, refuses it at once with
 * {@code 503 restore_in_progress}. {@link #close} waits for the work already inside to finish. Work
 * nested in other work on the same thread (a read inside a write) is part of it and always passes.
 * No lock on the way in: a counter and a flag.
 */
final class StoreGate {
    private final AtomicInteger inside = new AtomicInteger();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile boolean closed;

    /** Enters, or throws when closed; every successful enter is followed by one {@link #exit}. */
    void enter() {
        int[] d = depth.get();
        if (d[0] > 0) {
            d[0]++;
            return;
        }
        inside.incrementAndGet();
        if (closed) {
            inside.decrementAndGet();
            throw refused();
        }
        d[0] = 1;
    }

    void exit() {
        int[] d = depth.get();
        if (--d[0] == 0) {
            inside.decrementAndGet();
        }
    }

    /**
     * Refuses new work and waits until the work inside has finished; false (and open again) when it
     * did not finish within {@code drain}.
     */
    boolean close(Duration drain) throws InterruptedException {
        closed = true;
        int mine = depth.get()[0] > 0 ? 1 : 0; // a caller inside the gate does not wait for itself
        long deadline = System.nanoTime() + drain.toNanos();
        while (inside.get() > mine) {
            if (System.nanoTime() > deadline) {
                closed = false;
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    void open() {
        closed = false;
    }

    boolean isClosed() {
        return closed;
    }

    /** Work running now (for the log when a drain times out). */
    int inside() {
        return inside.get();
    }

    static ParkirException refused() {
        return ParkirException.unavailable("restore_in_progress",
                "the server is restoring its data from a backup and accepts no work meanwhile: try again in a minute");
    }
}
