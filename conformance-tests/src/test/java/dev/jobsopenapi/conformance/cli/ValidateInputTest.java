package dev.jobsopenapi.conformance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code validate} says what is wrong with what it was given to read, and stops reading a stream at the first
 * thing that makes it no JSON document, however much more a producer would send.
 */
class ValidateInputTest {

    private static final String[] VALIDATE = {"validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs"};

    @Test
    void aDirectoryOrADanglingLinkIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
        String[] out = new String[1];
        assertEquals(2, run(out, InputStream.nullInputStream(), with(dir.toString())));
        assertTrue(out[0].contains("is a directory"), out[0]);
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nothing-here.json"));
        assertEquals(2, run(out, InputStream.nullInputStream(), with(dangling.toString())));
        assertTrue(out[0].contains("leads nowhere"), out[0]);
        assertEquals(2, run(out, InputStream.nullInputStream(), with(dir.resolve("absent.json").toString())));
        assertTrue(out[0].contains("no such file"), out[0]);
    }

    @Test
    void anEndlessStreamThatIsNotJsonEndsAtItsFirstProblem() {
        InputStream endless = new InputStream() {
            private final byte[] start = "[{\"x\": tru".getBytes(StandardCharsets.US_ASCII);
            private long position;

            @Override
            public int read() {
                return position < start.length ? start[(int) position++] : 'e' + (int) (position++ % 2);
            }
        };
        String[] out = new String[1];
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(out, endless, with("-")));
        assertEquals(1, exit, out[0]);
        assertTrue(out[0].contains("not JSON"), out[0]);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"[{\"submission_id\":1,\"status\":\"RUNNING\"},", "{\"a\":1,"})
    void aStreamThatNeverEndsStopsAtItsFirstProvenViolation(String start) {
        // The first complete element of the list, or the top-level value's first token, already fails: nothing that
        // follows can make the body conform, so the check stops reading there although the stream stays open.
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        InputStream stalled = new InputStream() {
            private final byte[] sent = start.getBytes(StandardCharsets.UTF_8);
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position < sent.length) { // what has arrived, as a pipe hands it on; then the writer stalls
                    int n = Math.min(length, sent.length - position);
                    System.arraycopy(sent, position, buffer, offset, n);
                    position += n;
                    return n;
                }
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        String[] out = new String[1];
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run(out, stalled, with("-")));
        assertEquals(1, exit, out[0]);
        assertTrue(out[0].contains(start.startsWith("[") ? "/0/submission_id" : "object found, array expected"), out[0]);
    }

    @Test
    void aPipeThatNeverClosesEndsAtTheDeadline(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("answer.fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(madeFifo(fifo), "SKIPPED: no mkfifo on this machine, so no named pipe to test with");
        // A writer that opens the pipe, sends the start of a list and keeps it open while it waits on its own
        // standard input, which this test never closes (only the shell's built-ins: nothing else need be installed).
        Process writer = new ProcessBuilder("sh", "-c", "exec 3> '" + fifo + "'; printf '[' >&3; read never").start();
        try {
            String[] out = new String[1];
            String[] args = java.util.Arrays.copyOf(VALIDATE, VALIDATE.length + 3);
            args[VALIDATE.length] = "--timeout-seconds";
            args[VALIDATE.length + 1] = "1";
            args[VALIDATE.length + 2] = fifo.toString();
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(out, InputStream.nullInputStream(), args));
            assertEquals(1, exit, out[0]);
            assertTrue(out[0].contains(fifo + " gave no complete body within 1 s"), out[0]);
        } finally {
            writer.destroyForcibly();
        }
    }

    private static boolean madeFifo(Path fifo) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException noMkfifo) {
            System.err.println("ValidateInputTest: SKIPPED the named-pipe case: " + noMkfifo.getMessage());
            return false;
        }
    }

    @Test
    void standardInputThatNeverEndsEndsAtTheDeadline() {
        InputStream silent = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return -1;
            }
        };
        String[] out = new String[1];
        String[] args = java.util.Arrays.copyOf(VALIDATE, VALIDATE.length + 3);
        args[VALIDATE.length] = "--timeout-seconds";
        args[VALIDATE.length + 1] = "1";
        args[VALIDATE.length + 2] = "-";
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(out, silent, args));
        assertEquals(1, exit, out[0]);
        assertTrue(out[0].contains("standard input gave no complete body within 1 s"), out[0]);
    }

    private static String[] with(String source) {
        String[] args = java.util.Arrays.copyOf(VALIDATE, VALIDATE.length + 1);
        args[VALIDATE.length] = source;
        return args;
    }

    private static int run(String[] printed, InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = ConformanceCli.run(args, stdin, stream, stream, Map.of());
        printed[0] = out.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
