package io.quarkiverse.conductor.worker.runtime;

import org.jboss.logging.MDC;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.smallrye.common.vertx.VertxContext;

/**
 * What surrounds one invocation of a worker method, from the moment it is called until its result is in: a request
 * context of its own (as {@code @Scheduled} methods have), and the task in the logging MDC ({@value #TASK_ID},
 * {@value #WORKFLOW_ID}, {@value #TASK_TYPE}, {@value #CORRELATION_ID}). A method returning {@code Uni} or
 * {@code CompletionStage} leaves its thread before its result is in: the scope is then {@link #suspend() suspended}, and
 * {@link #resume() resumed} on whatever thread completes it.
 */
public final class TaskScope {

    public static final String TASK_ID = "taskId";
    public static final String WORKFLOW_ID = "workflowInstanceId";
    public static final String TASK_TYPE = "taskType";
    public static final String CORRELATION_ID = "correlationId";

    private final Task task;
    private final ManagedContext requestContext;
    private final boolean ownsRequestContext;
    private ContextState suspended;

    private TaskScope(Task task, ManagedContext requestContext) {
        this.task = task;
        this.requestContext = requestContext;
        // a caller that already runs in a request context (a test, say) keeps it: the method runs in it
        this.ownsRequestContext = requestContext != null && !requestContext.isActive();
        if (ownsRequestContext) {
            requestContext.activate();
        }
        putMdc(task);
    }

    /** Enters the scope of {@code task} on this thread. */
    static TaskScope enter(Task task, ManagedContext requestContext) {
        return new TaskScope(task, requestContext);
    }

    /** The thread goes on with other work while the invocation waits: the scope leaves it. */
    void suspend() {
        if (ownsRequestContext) {
            suspended = requestContext.getState();
            requestContext.deactivate();
        }
        // on the task's own duplicated Vert.x context the MDC is the context's, and what completes the invocation on
        // that context needs it; on a plain thread it is the thread's, which goes on with other work
        if (!VertxContext.isOnDuplicatedContext()) {
            removeMdc();
        }
    }

    /** The invocation goes on, on this thread. */
    void resume() {
        if (ownsRequestContext && suspended != null) {
            requestContext.activate(suspended);
        }
        putMdc(task);
    }

    /** The result is in: the request context ends and the MDC is cleared. */
    void close() {
        if (ownsRequestContext) {
            if (requestContext.isActive()) {
                requestContext.terminate();
            } else if (suspended != null) {
                requestContext.destroy(suspended);
            }
        }
        removeMdc();
    }

    /**
     * Runs {@code action} with {@code task} in the MDC: for the lines the extension logs about a task outside its
     * invocation (a result given up, a task handed back).
     */
    public static void withTaskInMdc(Task task, Runnable action) {
        putMdc(task);
        try {
            action.run();
        } finally {
            removeMdc();
        }
    }

    private static void putMdc(Task task) {
        MDC.put(TASK_ID, task.getTaskId());
        MDC.put(WORKFLOW_ID, task.getWorkflowInstanceId());
        MDC.put(TASK_TYPE, task.getTaskType());
        if (task.getCorrelationId() != null) {
            MDC.put(CORRELATION_ID, task.getCorrelationId());
        }
    }

    private static void removeMdc() {
        MDC.remove(TASK_ID);
        MDC.remove(WORKFLOW_ID);
        MDC.remove(TASK_TYPE);
        MDC.remove(CORRELATION_ID);
    }
}
