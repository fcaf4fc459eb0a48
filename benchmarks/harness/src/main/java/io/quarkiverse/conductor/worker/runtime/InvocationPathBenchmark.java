package io.quarkiverse.conductor.worker.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.invoke.Invoker;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * The invocation path of one task, without the network: bind the input of {@code process_order(OrderInfo)} (the
 * whole input read into a record), call the method, map the returned record to the task's output. The method is
 * called through an {@link Invoker} like the one ArC generates for a {@code @Singleton} bean (a direct call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InvocationPathBenchmark {

    public record OrderInfo(@JsonProperty("order_id") int orderId, String sku, int quantity,
            @JsonProperty("sku_price") double skuPrice) {
    }

    public record Receipt(int orderId, String sku, double total) {
    }

    private InputBinder binder;
    private ResultMapper results;
    private Invoker<Object, Object> invoker;
    private Task task;

    @Setup
    public void setUp() {
        ObjectMapper mapper = new ObjectMapper();
        WorkerMethod method = new WorkerMethod("process_order", "OrderWorker#process(OrderInfo)",
                List.of(new WorkerParameter(WorkerParameter.Source.INPUT_KEY_OR_WHOLE_INPUT, "orderInfo",
                        TypeSpec.of(OrderInfo.class, List.of()), "OrderInfo orderInfo")),
                WorkerMethod.ReturnKind.VALUE, null, false, 0, "", "");
        binder = new InputBinder(method, mapper);
        results = new ResultMapper(method, new OutputConverter(mapper));
        invoker = (instance, arguments) -> process((OrderInfo) arguments[0]);
        task = new Task();
        task.setTaskId("0b9a1f8e-6a43-4c1a-9d47-4f0c1f2d9a11");
        task.setWorkflowInstanceId("7536b3c9-6cd0-4de4-8c35-47f22fabc57e");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("order_id", 42);
        input.put("sku", "LAMP-1");
        input.put("quantity", 3);
        input.put("sku_price", 24.5);
        task.setInputData(input);
    }

    private static Receipt process(OrderInfo order) {
        return new Receipt(order.orderId(), order.sku(), order.quantity() * order.skuPrice());
    }

    @Benchmark
    public TaskResult bindInvokeMap() throws Exception {
        return results.returned(task, invoker.invoke(null, binder.bind(task, null)), null);
    }
}
