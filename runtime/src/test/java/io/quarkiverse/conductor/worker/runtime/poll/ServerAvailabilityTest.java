package io.quarkiverse.conductor.worker.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operators read while the server fails: one WARN per outage, none for flapping inside the quiet period, and an
 * outage that starts inside it still told once the period is over.
 */
class ServerAvailabilityTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private long now;
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger(ServerAvailability.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
    }

    @Test
    void outageGivesOneWarningAndOneRecovery() {
        ServerAvailability availability = new ServerAvailability("http://conductor/api", MINUTE, () -> now);
        for (int i = 0; i < 10; i++) {
            availability.failed("polling", new IOException("refused"));
        }
        availability.succeeded();
        availability.succeeded();

        assertThat(records).extracting(record -> record.getLevel().intValue())
                .containsExactly(Level.WARNING.intValue(), Level.INFO.intValue());
    }

    @Test
    void flappingInsideTheQuietPeriodIsNotRepeated() {
        ServerAvailability availability = new ServerAvailability("http://conductor/api", MINUTE, () -> now);
        for (int i = 0; i < 10; i++) {
            now = i * SECOND;
            availability.failed("sending a result", new IOException("refused"));
            availability.succeeded();
        }

        assertThat(records).extracting(record -> record.getLevel().intValue())
                .containsExactly(Level.WARNING.intValue(), Level.INFO.intValue());
    }

    @Test
    void outageThatBeganInsideTheQuietPeriodIsToldOnceItIsOver() {
        ServerAvailability availability = new ServerAvailability("http://conductor/api", MINUTE, () -> now);
        availability.failed("polling", new IOException("refused"));
        availability.succeeded();
        now = 10 * SECOND;
        availability.failed("polling", new IOException("refused"));
        now = 59 * SECOND;
        availability.failed("polling", new IOException("refused"));
        now = 61 * SECOND;
        availability.failed("polling", new IOException("refused"));
        now = 62 * SECOND;
        availability.failed("polling", new IOException("refused"));

        assertThat(records).extracting(record -> record.getLevel().intValue())
                .containsExactly(Level.WARNING.intValue(), Level.INFO.intValue(), Level.WARNING.intValue());
    }
}
