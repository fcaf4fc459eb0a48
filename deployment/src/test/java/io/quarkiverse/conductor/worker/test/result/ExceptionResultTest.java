package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.NonRetryableException;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

class ExceptionResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Tasks.class));

    @Test
    void exceptionFailsTheTaskWithItsMessageAndStackTrace() {
        TaskResult result = Tasks.execute("flaky", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getReasonForIncompletion()).isEqualTo("payment service timed out");
        assertThat(result.getLogs()).extracting(TaskExecLog::getLog).singleElement().asString()
                .startsWith("java.lang.IllegalStateException: payment service timed out")
                .contains("at " + Workers.class.getName() + ".flaky(");
    }

    @Test
    void checkedExceptionFailsTheTask() {
        TaskResult result = Tasks.execute("checked", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getReasonForIncompletion()).isEqualTo("disk full");
    }

    @Test
    void exceptionWithoutMessageIsNamedByItsClass() {
        TaskResult result = Tasks.execute("npe", "{}");

        assertThat(result.getReasonForIncompletion()).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void nonRetryableExceptionFailsWithTerminalError() {
        TaskResult result = Tasks.execute("terminal", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion()).isEqualTo("order 7 does not exist");
        assertThat(result.getLogs()).extracting(TaskExecLog::getLog).singleElement().asString()
                .contains("NonRetryableException: order 7 does not exist");
    }

    static class Workers {

        @ConductorWorker("flaky")
        String flaky() {
            throw new IllegalStateException("payment service timed out");
        }

        @ConductorWorker("checked")
        String checked() throws java.io.IOException {
            throw new java.io.IOException("disk full");
        }

        @ConductorWorker("npe")
        String npe() {
            throw new NullPointerException();
        }

        @ConductorWorker("terminal")
        void terminal() {
            throw new NonRetryableException("order 7 does not exist");
        }
    }
}
