package io.quarkiverse.conductor.worker.it;

/**
 * The names of the workflows of {@code src/main/resources/conductor/workflows}, which the extension registers at
 * start-up with the task definitions of the workers.
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

    /** The response timeout of the long tasks in seconds, which run three times as long. */
    public static final int LONG_TASK_RESPONSE_TIMEOUT = 2;
    static final String LONG_TASK_RESPONSE_TIMEOUT_DURATION = LONG_TASK_RESPONSE_TIMEOUT + "s";

    private Definitions() {
    }
}
