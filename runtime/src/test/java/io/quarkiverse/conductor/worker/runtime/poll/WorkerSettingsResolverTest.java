package io.quarkiverse.conductor.worker.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Each setting of a worker comes from its own property, else its annotation, else the global property; a bad value is
 * reported under the name it came from; and the resolver can run again (a live reload) without the problems of the
 * last run.
 */
class WorkerSettingsResolverTest {

    @Test
    void ownPropertyBeatsTheAnnotationWhichBeatsTheGlobalProperty() {
        ConductorConfig config = config(Map.of(
                "quarkus.conductor.worker.concurrency", "3",
                "quarkus.conductor.worker.domain", "everywhere",
                "quarkus.conductor.workers.\"own\".concurrency", "7"));

        List<WorkerSettings> settings = new WorkerSettingsResolver(config).resolve(List.of(
                method("own", 5, "eu"), method("annotated", 5, ""), method("plain", 0, "")));

        assertThat(settings).extracting(WorkerSettings::concurrency).containsExactly(7, 5, 3);
        assertThat(settings).extracting(WorkerSettings::domain).containsExactly("eu", "everywhere", "everywhere");
        assertThat(settings.get(2).longPollTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBadValueIsNamedWhereItCameFrom() {
        ConductorConfig config = config(Map.of(
                "quarkus.conductor.worker.long-polls", "0",
                "quarkus.conductor.workers.\"own\".poll-interval", "-1s"));

        assertThatThrownBy(() -> new WorkerSettingsResolver(config).resolve(List.of(method("own", 0, ""))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.conductor.workers.\"own\".poll-interval is PT-1S")
                .hasMessageContaining("quarkus.conductor.worker.long-polls is 0");
        assertThatThrownBy(() -> new WorkerSettingsResolver(config(Map.of())).resolve(List.of(
                new WorkerMethod("slow", "Slow#work()", List.of(), WorkerMethod.ReturnKind.VALUE, null, false, 0, "-5s",
                        ""))))
                .hasMessageContaining("@ConductorWorker(pollInterval) of Slow#work() is PT-5S");
    }

    @Test
    void aSecondRunReportsOnlyItsOwnProblems() {
        WorkerSettingsResolver resolver = new WorkerSettingsResolver(config(Map.of(
                "quarkus.conductor.workers.\"broken\".concurrency", "0")));

        assertThatThrownBy(() -> resolver.resolve(List.of(method("broken", 0, ""))))
                .isInstanceOf(ConfigurationException.class);
        assertThat(resolver.resolve(List.of(method("fine", 0, "")))).singleElement()
                .extracting(WorkerSettings::concurrency).isEqualTo(32);
    }

    private static WorkerMethod method(String task, int concurrency, String domain) {
        return new WorkerMethod(task, "Workers#" + task + "()", List.of(), WorkerMethod.ReturnKind.VALUE, null, false,
                concurrency, "", domain);
    }

    private static ConductorConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(ConductorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build().getConfigMapping(ConductorConfig.class);
    }
}
