package dev.jobsopenapi.conformance.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code probe} is bounded and tells no secret: one deadline covers the whole exchange (a server trickling its body
 * cannot hold it), plain http is HTTP/1.1 with no upgrade offer, credentials in the base URL are refused unprinted,
 * and option values out of range are refused with the range.
 */
class ProbeIsBoundedTest {

    /** A loopback server that answers with headers at once, then one byte of its body per second. */
    private static final class TricklingServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final CopyOnWriteArrayList<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread = new Thread(this::serve, "trickling-server");

        TricklingServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    InputStream in = client.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        head.append((char) b);
                    }
                    requests.add(head.toString());
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n["
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 60 && !socket.isClosed(); i++) {
                        Thread.sleep(1000);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the probe hung up, as it should
                }
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aTricklingBodyEndsAtTheDeadlineAsAFailedCheck() throws Exception {
        try (TricklingServer server = new TricklingServer()) {
            String[] out = new String[1];
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(out, "probe", "--spec", "openyuanrong-jobs",
                    "--base-url", server.baseUrl(), "--timeout-seconds", "2"));
            assertEquals(1, exit, out[0]);
            assertTrue(out[0].contains("no complete answer within 2 s"), out[0]);
            String request = server.requests.get(0);
            assertTrue(request.startsWith("GET /api/jobs HTTP/1.1"), request);
            assertFalse(request.toLowerCase(java.util.Locale.ROOT).contains("upgrade"), request);
        }
    }

    @Test
    void credentialsInTheBaseUrlAreRefusedWithoutBeingPrinted() {
        String[] out = new String[1];
        int exit = run(out, "probe", "--spec", "openyuanrong-jobs", "--base-url", "http://admin:hunter2@127.0.0.1:9/");
        assertEquals(2, exit, out[0]);
        assertTrue(out[0].contains("holds credentials"), out[0]);
        assertFalse(out[0].contains("hunter2") || out[0].contains("admin"), out[0]);
    }

    @Test
    void optionValuesOutOfRangeAreRefusedWithTheRange() {
        String[] out = new String[1];
        assertEquals(2, run(out, "probe", "--spec", "openyuanrong-jobs", "--base-url", "http://127.0.0.1:9",
                "--timeout-seconds", "99999999999999999999999"));
        assertTrue(out[0].contains("--timeout-seconds takes a whole number from 1 to 86400"), out[0]);
        assertEquals(2, run(out, "probe", "--spec", "openyuanrong-jobs", "--base-url", "http://127.0.0.1:9",
                "--max-body-mib", "9223372036854775807"));
        assertTrue(out[0].contains("--max-body-mib takes a whole number from 1 to 2047"), out[0]);
    }

    private static int run(String[] printed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = ConformanceCli.run(args, InputStream.nullInputStream(), stream, stream, Map.of());
        printed[0] = out.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
