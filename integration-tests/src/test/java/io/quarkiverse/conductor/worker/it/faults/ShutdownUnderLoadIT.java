package io.quarkiverse.conductor.worker.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.it.ConductorFixture;
import io.quarkiverse.conductor.worker.it.Definitions;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application is told to stop (SIGTERM) while 20 tasks run: polling stops at once, and every one of them
 * finishes and reports within the shutdown grace period. The server shows them all completed, none timed out.
 */
@QuarkusIntegrationTest
@TestProfile(ShutdownUnderLoadIT.OwnLaunch.class)
class ShutdownUnderLoadIT {

    private static final int TASKS = 20;

    private final ConductorFixture conductor = new ConductorFixture();

    /** An application launched for this test alone, as a profile of its own makes it: it is stopped for good. */
    public static class OwnLaunch implements QuarkusTestProfile {
    }

    @Test
    void everyRunningTaskReportsWithinTheGracePeriod() throws Exception {
        // the packaged application registered its definitions when it started
        List<String> ids = conductor.startMany(Definitions.SHUTDOWN, TASKS);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(ids).stream().allMatch("IN_PROGRESS"::equals));

        // the jar, or with -Dnative the executable failsafe names in native.image.path
        String nativeExecutable = System.getProperty("native.image.path", "-");
        ProcessHandle application = ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("quarkus-run.jar")
                        || child.info().command().orElse("").equals(nativeExecutable))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the packaged application is not a child of this JVM"));
        long stopping = System.nanoTime();
        application.destroy();
        application.onExit().get();
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

        System.out.printf("ShutdownUnderLoadIT: %d tasks running at SIGTERM, the application stopped in %d ms%n", TASKS,
                stopped.toMillis());
        assertThat(stopped).isLessThan(Duration.ofSeconds(30));
        for (int n = 0; n < TASKS; n++) {
            Workflow workflow = conductor.get(ids.get(n));
            assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
            assertThat(workflow.getOutput()).containsEntry("result", "finished " + n);
            assertThat(workflow.getTasks()).hasSize(1);
        }
        Path log = Path.of("target", "quarkus.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain("still held");
        }
    }

    private List<String> statuses(List<String> ids) {
        List<String> statuses = new ArrayList<>();
        for (String id : ids) {
            List<Task> tasks = conductor.get(id).getTasks();
            statuses.add(tasks == null || tasks.isEmpty() ? "NONE" : tasks.get(0).getStatus());
        }
        return statuses;
    }
}
