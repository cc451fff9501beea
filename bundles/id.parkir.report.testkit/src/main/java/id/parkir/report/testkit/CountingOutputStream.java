package id.parkir.report.testkit;

import java.io.OutputStream;

/**
 * Counts the bytes written and throws them away: lets a test see when output starts without keeping
 * it. Remembers a close, which an exporter must leave to its caller.
 */
public final class CountingOutputStream extends OutputStream {
    private long count;
    private boolean closed;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }

    public long count() {
        return count;
    }
}
