package dev.ekslifecycle.handlers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

/**
 * Every log line written while open, formatted by the formatter Quarkus configured on its console handler: the
 * lines exactly as a Lambda would write them to stdout.
 */
final class CapturedLogLines implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = LogContext.getLogContext().getLogger("");
    private final Handler capture;

    CapturedLogLines() {
        Formatter console = consoleFormatter(root.getHandlers());
        capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                if (isLoggable(record)) {
                    lines.add(console.format(record));
                }
            }
        };
        root.addHandler(capture);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.removeHandler(capture);
    }

    private static Formatter consoleFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() != null && handler.getClass().getSimpleName().contains("Console")) {
                return handler.getFormatter();
            }
            if (handler instanceof ExtHandler ext && ext.getHandlers().length > 0) {
                Formatter nested = consoleFormatter(ext.getHandlers());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
