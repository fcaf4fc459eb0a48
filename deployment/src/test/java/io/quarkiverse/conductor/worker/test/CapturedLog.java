package io.quarkiverse.conductor.worker.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records of the extension while a test runs, to read them between steps: {@code QuarkusUnitTest} only hands
 * its captured records over once the application has stopped.
 */
public final class CapturedLog extends Handler {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog() {
    }

    /** Captures what the loggers under {@code io.quarkiverse.conductor} log from now on, at every level. */
    public static CapturedLog ofTheExtension() {
        CapturedLog log = new CapturedLog();
        Logger logger = Logger.getLogger("io.quarkiverse.conductor");
        logger.addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** Every record captured so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** How many records were captured so far: a mark to read what comes after. */
    public int mark() {
        return records.size();
    }

    /** The text of the records since {@code mark} at {@code level} exactly. */
    public List<String> since(int mark, Level level) {
        return records.subList(mark, records.size()).stream()
                .filter(record -> record.getLevel().intValue() == level.intValue()).map(LogMessages::text).toList();
    }

    /** The text of the records since {@code mark} at WARN or above. */
    public List<String> problemsSince(int mark) {
        return records.subList(mark, records.size()).stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).map(LogMessages::text)
                .toList();
    }

    public void stop() {
        Logger.getLogger("io.quarkiverse.conductor").removeHandler(this);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
