package dev.jobsopenapi.reference;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference server until stopped (Ctrl-C), serving the documented examples of both APIs.
 *
 * <pre>
 * java -jar jobs-openapi-mock-server.jar [--port 8080] [--host 127.0.0.1]
 * </pre>
 */
public final class MockServer {

    private MockServer() {
    }

    /** Hibernate Validator announces its version at INFO on start; the mock's console is for its own lines. */
    private static final java.util.logging.Logger HIBERNATE = java.util.logging.Logger.getLogger("org.hibernate.validator");

    public static void main(String[] args) throws InterruptedException {
        HIBERNATE.setLevel(java.util.logging.Level.WARNING);
        String host = "127.0.0.1";
        int port = 8080;
        PrintStream err = System.err;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = port(value(args, ++i));
                    case "--host" -> host = value(args, ++i);
                    case "--help", "-h" -> {
                        System.out.println("usage: java -jar jobs-openapi-mock-server.jar [--port 8080] [--host 127.0.0.1]");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar jobs-openapi-mock-server.jar [--port 8080] [--host 127.0.0.1]");
            System.exit(2);
        }

        ReferenceServer server;
        try {
            server = ReferenceServer.start(host, port);
        } catch (RuntimeException e) {
            err.println("error: cannot serve on " + host + ":" + port + ": " + rootMessage(e));
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("mock server stopped");
            stopped.countDown();
        }, "mock-server-shutdown"));

        System.out.println("jobs-openapi mock server, serving the documented examples (Ctrl-C stops it)");
        System.out.println("ModelArts DevServer jobs: " + server.modelArtsBaseUri() + "/v1/{project_id}/dev-servers/jobs");
        System.out.println("openYuanrong jobs:        " + server.openYuanrongBaseUri() + "/api/jobs");
        stopped.await();
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number, not '" + text + "'");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
