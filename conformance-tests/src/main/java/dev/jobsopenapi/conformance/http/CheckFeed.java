package dev.jobsopenapi.conformance.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The bytes of one answer on their way from the proxy's forwarding to its check. Forwarding hands over each chunk it
 * has sent and goes on at once while the chunks not yet checked fit a byte budget shared by all exchanges; only
 * when the budget is spent does it wait for checks to catch up, so memory stays bounded whatever the traffic. The
 * check reads the chunks as a stream; when it closes the stream (it has its verdict) the chunks left are dropped and
 * forwarding stops handing any over.
 */
final class CheckFeed extends InputStream {

    private static final byte[] END = new byte[0];

    private final Semaphore budget;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile boolean abandoned;
    private byte[] current = new byte[0];
    private int position;

    /** A feed drawing on the budget, in bytes; no chunk may be larger than the whole budget. */
    CheckFeed(Semaphore budget) {
        this.budget = budget;
    }

    /**
     * Hands a chunk (not to be changed afterwards) to the check, waiting only while the shared budget is spent.
     *
     * @return false once the check stopped reading: hand over nothing more
     */
    boolean offer(byte[] chunk) throws InterruptedException {
        if (abandoned) {
            return false;
        }
        budget.acquire(chunk.length);
        chunks.add(chunk);
        if (abandoned) {
            drop();
            return false;
        }
        return true;
    }

    /** Marks the end of the answer. */
    void end() {
        chunks.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (current == END) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the answer's bytes", e);
            }
            budget.release(current.length);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    /** The check stopped reading: drops what it did not read and lets forwarding go on alone. */
    @Override
    public void close() {
        abandoned = true;
        drop();
    }

    private void drop() {
        for (byte[] chunk = chunks.poll(); chunk != null; chunk = chunks.poll()) {
            budget.release(chunk.length);
        }
    }
}
