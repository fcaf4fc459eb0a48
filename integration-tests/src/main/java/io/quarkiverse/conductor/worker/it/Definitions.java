package io.quarkiverse.conductor.worker.it;

import static io.quarkiverse.conductor.worker.it.admin.WorkflowDefinition.WorkflowTask.simple;

import java.util.List;
import java.util.Map;

import io.quarkiverse.conductor.worker.it.admin.TaskDefinition;
import io.quarkiverse.conductor.worker.it.admin.WorkflowDefinition;

/**
 * The task and workflow definitions of the example workers, registered by the demo and by the tests.
 */
public final class Definitions {

    public static final String GREETINGS = "greetings_workflow";
    public static final String PROCESS_ORDER = "process_order_workflow";
    public static final String SIMPLE = "simple_workflow";
    public static final String LONG_RUNNING = "long_running_workflow";
    public static final String PAYMENT = "payment_workflow";
    public static final String CARD = "card_workflow";
    public static final String APPROVAL = "approval_workflow";
    public static final String BLUE = "blue_workflow";
    public static final String PAUSED = "paused_workflow";
    public static final String LOAD = "load_workflow";
    public static final String DEMO = "demo_order_workflow";
    public static final String FLAKY = "flaky_network_workflow";
    public static final String RESILIENT = "resilient_workflow";
    public static final String LONG_TASK = "long_task_workflow";
    public static final String LONG_TASK_UNLEASED = "long_task_unleased_workflow";
    public static final String SHUTDOWN = "shutdown_workflow";
    public static final String RECEIPT = "receipt_workflow";

    /** The response timeout of the long tasks, which run three times as long. */
    public static final int LONG_TASK_RESPONSE_TIMEOUT = 2;

    public static final List<TaskDefinition> TASKS = List.of(
            TaskDefinition.of("greetings", 3),
            // a retry would show as a second attempt: bad input must not get one
            TaskDefinition.of("process_order", 1),
            TaskDefinition.of("simple_worker", 3),
            TaskDefinition.of("long_running", 3),
            TaskDefinition.of("flaky_payment", 2),
            TaskDefinition.of("charge_card", 3),
            new TaskDefinition("await_approval", "waits for a person", 0, "FIXED", 0, 3600, 0, "TIME_OUT_WF"),
            TaskDefinition.of("blue_task", 3),
            TaskDefinition.of("paused_task", 3),
            TaskDefinition.of("load_a", 3),
            TaskDefinition.of("load_b", 3),
            TaskDefinition.of("load_c", 3),
            // the fault tests: a task stranded by a lost answer is handed out again after a few seconds
            TaskDefinition.of("flaky_one", 5).respondingWithin(5),
            TaskDefinition.of("flaky_two", 5).respondingWithin(5),
            TaskDefinition.of("resilient_one", 5).respondingWithin(60),
            TaskDefinition.of("resilient_two", 5).respondingWithin(60),
            TaskDefinition.of("long_task", 1).respondingWithin(LONG_TASK_RESPONSE_TIMEOUT),
            TaskDefinition.of("long_task_unleased", 1).respondingWithin(LONG_TASK_RESPONSE_TIMEOUT),
            TaskDefinition.of("shutdown_task", 0),
            TaskDefinition.of("write_receipt", 0));

    public static final List<WorkflowDefinition> WORKFLOWS = List.of(
            WorkflowDefinition.of(GREETINGS,
                    List.of(simple("greetings", "greetings_ref", Map.of("name", "${workflow.input.name}"))),
                    Map.of("greeting", "${greetings_ref.output.result}")),
            WorkflowDefinition.of(PROCESS_ORDER,
                    List.of(simple("process_order", "process_order_ref", orderInput())),
                    Map.of("message", "${process_order_ref.output.result}")),
            WorkflowDefinition.of(SIMPLE,
                    List.of(simple("simple_worker", "simple_ref", Map.of())),
                    Map.of("keys", "${simple_ref.output.keys}", "message", "${simple_ref.output.message}",
                            "value", "${simple_ref.output.value}")),
            WorkflowDefinition.of(LONG_RUNNING,
                    List.of(simple("long_running", "long_running_ref", Map.of("job", "${workflow.input.job}"))),
                    Map.of("report", "${long_running_ref.output}")),
            WorkflowDefinition.of(PAYMENT,
                    List.of(simple("flaky_payment", "payment_ref", Map.of("amount", "${workflow.input.amount}"))),
                    Map.of("payment", "${payment_ref.output}")),
            WorkflowDefinition.of(CARD,
                    List.of(simple("charge_card", "card_ref", Map.of("card", "${workflow.input.card}"))),
                    Map.of()),
            WorkflowDefinition.of(APPROVAL,
                    List.of(simple("await_approval", "approval_ref", Map.of("request", "${workflow.input.request}"))),
                    Map.of("decision", "${approval_ref.output.decision}")),
            WorkflowDefinition.of(BLUE,
                    List.of(simple("blue_task", "blue_ref", Map.of("item", "${workflow.input.item}"))),
                    Map.of("result", "${blue_ref.output.result}")),
            WorkflowDefinition.of(PAUSED,
                    List.of(simple("paused_task", "paused_ref", Map.of("item", "${workflow.input.item}"))),
                    Map.of("result", "${paused_ref.output.result}")),
            WorkflowDefinition.of(LOAD, List.of(
                    simple("load_a", "a_ref", Map.of("n", "${workflow.input.n}")),
                    simple("load_b", "b_ref", Map.of("n", "${a_ref.output.n}")),
                    simple("load_c", "c_ref", Map.of("n", "${b_ref.output.n}"))),
                    Map.of("n", "${c_ref.output.n}")),
            twoSteps(FLAKY, "flaky_one", "flaky_two"),
            twoSteps(RESILIENT, "resilient_one", "resilient_two"),
            WorkflowDefinition.of(LONG_TASK,
                    List.of(simple("long_task", "long_ref", Map.of("seconds", "${workflow.input.seconds}"))),
                    Map.of("result", "${long_ref.output.result}")),
            WorkflowDefinition.of(LONG_TASK_UNLEASED,
                    List.of(simple("long_task_unleased", "long_ref", Map.of("seconds", "${workflow.input.seconds}"))),
                    Map.of("result", "${long_ref.output.result}")),
            WorkflowDefinition.of(SHUTDOWN,
                    List.of(simple("shutdown_task", "shutdown_ref", Map.of("n", "${workflow.input.n}"))),
                    Map.of("result", "${shutdown_ref.output.result}")),
            WorkflowDefinition.of(RECEIPT,
                    List.of(simple("write_receipt", "receipt_ref", Map.of("customer_name",
                            "${workflow.input.customer_name}", "item_count", "${workflow.input.item_count}"))),
                    Map.of("receipt", "${receipt_ref.output}")),
            WorkflowDefinition.of(DEMO, List.of(
                    simple("greetings", "greet_customer_ref", Map.of("name", "${workflow.input.customer}")),
                    simple("process_order", "process_order_ref", orderInput()),
                    simple("long_running", "prepare_shipment_ref",
                            Map.of("job", "shipment of order ${workflow.input.order_id}"))),
                    Map.of("greeting", "${greet_customer_ref.output.result}",
                            "order", "${process_order_ref.output.result}",
                            "shipment", "${prepare_shipment_ref.output}")));

    private Definitions() {
    }

    /** {@code n} goes through {@code first} ({@code n + 1}) then {@code second} ({@code * 2}). */
    private static WorkflowDefinition twoSteps(String name, String first, String second) {
        return WorkflowDefinition.of(name, List.of(
                simple(first, "first_ref", Map.of("n", "${workflow.input.n}")),
                simple(second, "second_ref", Map.of("n", "${first_ref.output.n}"))),
                Map.of("n", "${second_ref.output.n}"));
    }

    private static Map<String, Object> orderInput() {
        return Map.of("order_id", "${workflow.input.order_id}", "sku", "${workflow.input.sku}",
                "quantity", "${workflow.input.quantity}", "sku_price", "${workflow.input.sku_price}");
    }
}
