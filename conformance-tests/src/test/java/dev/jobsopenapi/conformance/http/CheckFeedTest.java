package dev.jobsopenapi.conformance.http;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the proxy hands an answer's bytes to its check: forwarding waits only when the shared budget is spent. */
class CheckFeedTest {

    @Test
    void forwardingNeverWaitsForAnUnreadCheckWhileTheBytesFitTheBudget() throws Exception {
        Semaphore budget = new Semaphore(1024);
        CheckFeed feed = new CheckFeed(budget);
        for (int i = 0; i < 8; i++) {
            assertTrue(feed.offer(new byte[128]), "nobody reads, yet the chunk is taken at once");
        }
        assertEquals(0, budget.availablePermits());
        CompletableFuture<Boolean> ninth = CompletableFuture.supplyAsync(() -> offer(feed, new byte[128]));
        assertThrows(TimeoutException.class, () -> ninth.get(300, TimeUnit.MILLISECONDS), "the budget is spent: it waits");
        assertEquals(128, feed.read(new byte[128]));
        assertTrue(ninth.get(10, TimeUnit.SECONDS), "a chunk read frees room for the next");
    }

    @Test
    void aCheckThatStopsReadingFreesTheBudgetAndForwardingGoesOnAlone() throws Exception {
        Semaphore budget = new Semaphore(1024);
        CheckFeed feed = new CheckFeed(budget);
        feed.offer(new byte[1000]);
        feed.close();
        assertEquals(1024, budget.availablePermits());
        assertFalse(feed.offer(new byte[1000]), "nothing more is handed over");
        assertEquals(1024, budget.availablePermits());
    }

    @Test
    void feedsSharingABudgetEachGetTheirOwnBytes() throws Exception {
        Semaphore budget = new Semaphore(64);
        CheckFeed first = new CheckFeed(budget);
        CheckFeed second = new CheckFeed(budget);
        first.offer(new byte[] {1, 2});
        second.offer(new byte[] {3});
        first.end();
        second.end();
        assertArrayEquals(new byte[] {1, 2}, first.readAllBytes());
        assertArrayEquals(new byte[] {3}, second.readAllBytes());
        assertEquals(64, budget.availablePermits());
    }

    @Property(tries = 200)
    void theCheckReadsExactlyTheBytesForwardedWhateverTheChunksAndTheBudget(
            @ForAll @Size(max = 40) List<@Size(max = 300) byte[]> chunks, @ForAll @IntRange(min = 300, max = 2000) int budgetBytes,
            @ForAll @IntRange(min = 1, max = 700) int readSize) throws Exception {
        Semaphore budget = new Semaphore(budgetBytes);
        CheckFeed feed = new CheckFeed(budget);
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(feed, readSize));
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            assertTrue(feed.offer(chunk.clone()));
            sent.write(chunk);
        }
        feed.end();
        assertArrayEquals(sent.toByteArray(), read.get(10, TimeUnit.SECONDS));
        assertEquals(budgetBytes, budget.availablePermits(), "every byte read gives its room back");
    }

    private static boolean offer(CheckFeed feed, byte[] chunk) {
        try {
            return feed.offer(chunk);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(CheckFeed feed, int readSize) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        try {
            for (int n = feed.read(buffer); n >= 0; n = feed.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all.toByteArray();
    }
}
