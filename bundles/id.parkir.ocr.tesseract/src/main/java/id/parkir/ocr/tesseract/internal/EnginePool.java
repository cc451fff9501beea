package id.parkir.ocr.tesseract.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A few {@link TessEngine}s shared by the reading threads: a caller borrows an idle engine, or
 * creates one while fewer than {@code max} exist, or waits. Engines are made lazily (each holds its
 * own copy of the model, some tens of MB) and all are ended when the pool closes; one in use at
 * that moment is ended when it is given back.
 */
final class EnginePool implements AutoCloseable {
    private final Supplier<TessEngine> factory;
    private final int max;
    private final Deque<TessEngine> idle = new ArrayDeque<>();
    private int created;
    private boolean closed;

    EnginePool(Supplier<TessEngine> factory, int max) {
        this.factory = factory;
        this.max = Math.max(1, max);
    }

    /** Adds an engine made elsewhere (the one made at activation to check the set-up). */
    synchronized void offer(TessEngine engine) {
        created++;
        give(engine);
    }

    TessEngine take() throws InterruptedException {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the Tesseract plate reader is stopped");
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (created < max) {
                    created++;
                    break;
                }
                wait();
            }
        }
        try {
            return factory.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                created--;
                notifyAll();
            }
            throw e;
        }
    }

    synchronized void give(TessEngine engine) {
        if (closed) {
            engine.close();
            created--;
        } else {
            idle.push(engine);
        }
        notifyAll();
    }

    synchronized int created() {
        return created;
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!idle.isEmpty()) {
            idle.pop().close();
            created--;
        }
        notifyAll();
    }
}
