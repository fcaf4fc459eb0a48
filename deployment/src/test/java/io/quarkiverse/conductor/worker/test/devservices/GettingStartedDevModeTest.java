package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.acme.GreetingsWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The getting-started page, followed to the letter in dev mode: its worker and its workflow file, nothing else (no
 * configuration); Dev Services start a server, the definitions are registered, and the page's {@code curl} line, with
 * the port of the log line the page points to, returns the workflow's output. Nothing is logged at WARN or above, and
 * no container code is on the class path.
 */
class GettingStartedDevModeTest {

    /** The command of the getting-started page, {@code <port>} being the one of the Dev Services log line. */
    static final String CURL = "curl -s -X POST http://127.0.0.1:<port>/api/workflow/execute/greetings/1"
            + " -H 'Content-Type: application/json' -d '{\"input\": {\"name\": \"Ada\"}}'";

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingsWorker.class)
                    .addAsResource("getting-started/greetings.json", "conductor/workflows/greetings.json"))
            .setLogRecordPredicate(record -> true);

    @Test
    void pageCurlLineReturnsTheGreeting() throws Exception {
        assertThat(Files.readString(Path.of("../docs/modules/ROOT/pages/index.adoc"))).contains(CURL);

        await().atMost(Duration.ofMinutes(3)).until(() -> messages().contains(
                "Conductor workflow definition 'greetings' version 1: created"));
        DevServicesServer server = DevServicesServer.announcedIn(test.getLogRecords());
        assertThat(server).as("the Dev Services log line").isNotNull();
        assertThat(messages()).contains("Conductor task definition 'greetings': created");

        // the page's curl line: POST <server>/workflow/execute/greetings/1 with {"input": {"name": "Ada"}}
        HttpResponse<String> response = server.post("/workflow/execute/greetings/1", "{\"input\": {\"name\": \"Ada\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode run = new ObjectMapper().readTree(response.body());
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(new ObjectMapper().convertValue(run.get("output"), Map.class))
                .isEqualTo(Map.of("greeting", "Hello, Ada"));

        assertThat(test.getLogRecords()).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(record -> record.getLoggerName() + ": " + LogMessages.text(record)).isEmpty();
        assertThatThrownBy(() -> Class.forName("org.testcontainers.DockerClientFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static List<String> messages() {
        return test.getLogRecords().stream().map(LogMessages::text).toList();
    }

    static String text(LogRecord record) {
        return LogMessages.text(record);
    }
}
