package io.quarkiverse.conductor.worker.test.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * Every type Jackson reads or writes for a worker is registered for reflection, generic arguments and types inside
 * {@code Uni} and {@code CompletionStage} included, so that a native image binds them.
 */
class ReflectionRegistrationTest {

    /** The build runs in another class loader than the test methods: it hands its findings over as a resource. */
    private static final String CAPTURED = "META-INF/conductor-test/reflection.txt";

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, OrderInfo.class, OrderLine.class, Item.class,
                    Receipt.class, Coupon.class, Shipment.class))
            .addBuildChainCustomizer(ReflectionRegistrationTest::captureRegistrations);

    private static void captureRegistrations(BuildChainBuilder chain) {
        chain.addBuildStep(new BuildStep() {
            @Override
            public void execute(BuildContext context) {
                Stream<String> hierarchies = context.consumeMulti(ReflectiveHierarchyBuildItem.class).stream()
                        .map(item -> "hierarchy " + item.getType());
                Stream<String> classes = context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                        .flatMap(item -> item.getClassNames().stream()).map(name -> "class " + name);
                String captured = Stream.concat(hierarchies, classes).collect(Collectors.joining("\n"));
                context.produce(new GeneratedResourceBuildItem(CAPTURED, captured.getBytes(StandardCharsets.UTF_8)));
            }
        }).consumes(ReflectiveHierarchyBuildItem.class).consumes(ReflectiveClassBuildItem.class)
                .produces(GeneratedResourceBuildItem.class).build();
    }

    private static List<String> captured(String kind) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CAPTURED)) {
            assertThat(in).as("resource written by the capturing build step").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith(kind + " ")).map(line -> line.substring(kind.length() + 1))
                    .toList();
        }
    }

    @Test
    void parameterAndReturnTypesAreRegisteredWithTheirGenericArguments() throws IOException {
        assertThat(captured("hierarchy"))
                .contains(OrderInfo.class.getName(),
                        "java.util.List<" + OrderLine.class.getName() + ">",
                        "java.util.Map<java.lang.String, " + Item.class.getName() + ">",
                        "java.util.Optional<" + Coupon.class.getName() + ">",
                        Receipt.class.getName(),
                        Shipment.class.getName());
    }

    @Test
    void genericArgumentsEndUpAsReflectiveClasses() throws IOException {
        assertThat(captured("class"))
                .contains(OrderInfo.class.getName(), OrderLine.class.getName(), Item.class.getName(),
                        Coupon.class.getName(), Receipt.class.getName(), Shipment.class.getName());
    }

    @Test
    void taskDtosAreRegistered() throws IOException {
        assertThat(captured("class"))
                .contains(Task.class.getName(), TaskResult.class.getName(), TaskExecLog.class.getName());
    }

    public record OrderInfo(int orderId) {
    }

    public record OrderLine(String sku) {
    }

    public record Item(int price) {
    }

    public record Coupon(String code) {
    }

    public record Receipt(String id) {
    }

    public record Shipment(String tracking) {
    }

    static class Workers {

        @ConductorWorker("process_order")
        Receipt process(OrderInfo order) {
            return new Receipt("r");
        }

        @ConductorWorker("lines")
        Uni<Shipment> lines(List<OrderLine> lines, Map<String, Item> items, Optional<Coupon> coupon) {
            return Uni.createFrom().item(new Shipment("t"));
        }

        @ConductorWorker("later")
        CompletionStage<TaskResult> later(Task task) {
            return null;
        }
    }
}
