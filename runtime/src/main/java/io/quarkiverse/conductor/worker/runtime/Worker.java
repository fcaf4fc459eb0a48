package io.quarkiverse.conductor.worker.runtime;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.invoke.Invoker;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;

/**
 * One {@code @ConductorWorker} method, ready to execute tasks: binds the input, calls the method through the invoker
 * generated at build time, and maps what it returned or threw to a {@link TaskResult}.
 * <p>
 * {@link #execute(Task)} never fails: every outcome, bad input and exceptions included, is a result to report.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final WorkerMethod method;
    private final Invoker<Object, Object> invoker;
    private final InputBinder binder;
    private final ResultMapper results;
    private final ManagedContext requestContext;

    Worker(WorkerMethod method, Invoker<Object, Object> invoker, ObjectMapper mapper) {
        this.method = method;
        this.invoker = invoker;
        this.binder = new InputBinder(method, mapper);
        this.results = new ResultMapper(method, new OutputConverter(mapper));
        this.requestContext = Arc.container().requestContext();
    }

    /** What the build found out about the method. */
    public WorkerMethod method() {
        return method;
    }

    public String taskName() {
        return method.getTaskName();
    }

    /**
     * Executes {@code task} when the returned {@code Uni} is subscribed to, on the subscribing thread. A blocking
     * method ({@link WorkerMethod#isBlocking()}) runs to its end on that thread; a method returning {@code Uni} or
     * {@code CompletionStage} completes the result when its own result completes.
     */
    public Uni<TaskResult> execute(Task task) {
        if (method.isBlocking()) {
            return Uni.createFrom().item(() -> executeBlocking(task));
        }
        return Uni.createFrom().deferred(() -> executeAsynchronously(task));
    }

    /**
     * Executes {@code task} now, on this thread, for a blocking method: the poller's path, which needs no reactive
     * plumbing for a method that returns its result.
     *
     * @throws IllegalStateException if the method returns {@code Uni} or {@code CompletionStage}
     */
    public TaskResult executeBlocking(Task task) {
        if (!method.isBlocking()) {
            throw new IllegalStateException(method.getDescription() + " is not blocking: use execute(Task)");
        }
        // like @Scheduled methods, a worker runs in a request context of its own, ended with the task
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            InvocationContext context = binder.needsContext() ? new InvocationContext(task) : null;
            try {
                return results.returned(task, invoke(task, context), context);
            } catch (InputBindingException e) {
                return rejected(task, e);
            } catch (Throwable t) {
                return failed(task, t, context);
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private Uni<TaskResult> executeAsynchronously(Task task) {
        if (requestContext.isActive()) {
            return invokeAsynchronously(task);
        }
        requestContext.activate();
        Uni<TaskResult> result;
        try {
            result = invokeAsynchronously(task);
        } catch (RuntimeException | Error e) {
            requestContext.terminate();
            throw e;
        }
        // the result completes later, maybe on another thread: keep the request context until then
        ContextState state = requestContext.getState();
        requestContext.deactivate();
        return result.onTermination().invoke(() -> requestContext.destroy(state));
    }

    /** The invoker rejects a {@code null} Uni or stage with an exception, so the returned value is never null. */
    private Uni<TaskResult> invokeAsynchronously(Task task) {
        InvocationContext context = binder.needsContext() ? new InvocationContext(task) : null;
        Uni<?> returned;
        try {
            Object value = invoke(task, context);
            returned = method.getReturnKind() == WorkerMethod.ReturnKind.UNI ? (Uni<?>) value
                    : Uni.createFrom().completionStage((CompletionStage<?>) value);
        } catch (InputBindingException e) {
            return Uni.createFrom().item(rejected(task, e));
        } catch (Throwable t) {
            return Uni.createFrom().item(failed(task, t, context));
        }
        return returned.onItemOrFailure().transform((item, failure) -> failure == null
                ? results.returned(task, item, context)
                : failed(task, failure, context));
    }

    private Object invoke(Task task, InvocationContext context) throws Exception {
        return invoker.invoke(null, binder.bind(task, context));
    }

    private TaskResult rejected(Task task, InputBindingException e) {
        LOG.warnf("%s rejected: %s", task, e.getMessage());
        return results.badInput(task, e);
    }

    private TaskResult failed(Task task, Throwable failure, InvocationContext context) {
        TaskResult result = results.threw(task, failure, context);
        if (result.getStatus() == TaskResult.Status.FAILED_WITH_TERMINAL_ERROR) {
            LOG.warnf("%s failed for good: %s", task, result.getReasonForIncompletion());
        } else {
            LOG.warnf(ResultMapper.unwrap(failure), "%s failed, the server may retry it: %s", task,
                    result.getReasonForIncompletion());
        }
        return result;
    }

    @Override
    public String toString() {
        return "Worker[" + method.getTaskName() + " -> " + method.getDescription() + "]";
    }
}
