package io.quarkiverse.conductor.worker.test;

import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.jboss.logmanager.ExtLogRecord;

/** The text of a captured log record, as an operator would read it. */
public final class LogMessages {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private LogMessages() {
    }

    public static String text(LogRecord record) {
        if (record instanceof ExtLogRecord ext && ext.getFormatStyle() == ExtLogRecord.FormatStyle.PRINTF
                && record.getParameters() != null) {
            return String.format(record.getMessage(), record.getParameters());
        }
        return FORMATTER.formatMessage(record);
    }
}
