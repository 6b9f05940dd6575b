package dev.jobsopenapi.reference;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The mock server's console log: one line per record, at most {@value #PER_SECOND} a second (the rest counted and
 * reported with the next line), and a stack trace only for a fault of the server itself (the error mapper's
 * unhandled failures), never for a client that hung up or sent something broken.
 */
final class QuietLog extends Handler {

    static final int PER_SECOND = 5;

    private final PrintStream out;
    private long second;
    private int printed;
    private int suppressed;

    private QuietLog(PrintStream out) {
        this.out = out;
    }

    /** Replaces the JVM's console logging with this one, warnings and above. */
    static void install(PrintStream out) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        QuietLog handler = new QuietLog(out);
        handler.setLevel(Level.WARNING);
        root.addHandler(handler);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        long now = record.getMillis() / 1000;
        if (now != second) {
            second = now;
            printed = 0;
        }
        if (printed >= PER_SECOND) {
            suppressed++;
            return;
        }
        printed++;
        String message = record.getMessage() == null ? "" : record.getMessage().lines().findFirst().orElse("");
        Throwable thrown = record.getThrown();
        String cause = thrown == null ? "" : " (" + thrown.getClass().getSimpleName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage().lines().findFirst().orElse("")) + ")";
        out.println("mock server " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                + message + cause + (suppressed > 0 ? " [" + suppressed + " more lines suppressed]" : ""));
        suppressed = 0;
        if (thrown != null && VendorErrorMapper.class.getName().equals(record.getLoggerName())) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            out.print(trace);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
