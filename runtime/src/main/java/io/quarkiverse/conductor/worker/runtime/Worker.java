package io.quarkiverse.conductor.worker.runtime;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.invoke.Invoker;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * One {@code @ConductorWorker} method, ready to execute tasks: binds the input, calls the method through the invoker
 * generated at build time, and sorts what it returned or threw into an {@link Outcome}, within a {@link TaskScope}.
 * <p>
 * One path for every kind of method: a blocking one has its outcome before {@link #execute} returns; one returning
 * {@code Uni} or {@code CompletionStage} has it when its result completes. Every outcome, bad input and exceptions
 * included, is a result to report: {@link #execute} never throws.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class);

    /** Nothing to cancel: the method has returned already. */
    private static final Cancellable DONE = () -> {
    };

    private final WorkerMethod method;
    private final Invoker<Object, Object> invoker;
    private final Supplier<ObjectMapper> mapper;
    private final ManagedContext requestContext;
    /**
     * The results of outcomes decided outside an invocation, which need no mapper: there even when making the
     * application's mapper failed, so that a task is still reported.
     */
    private final ResultMapper outside;
    /** Made by {@link #prepare()}, once: the application's mapper is not needed before the first poll is out. */
    private volatile Binding binding;

    /** The method's input and results, with the application's mapper. */
    private record Binding(InputBinder binder, ResultMapper results) {
    }

    /**
     * @param mapper the application's mapper, asked for when the worker is {@linkplain #prepare() prepared}
     * @param requestContext the request context each invocation runs in, or {@code null} for none
     */
    Worker(WorkerMethod method, Invoker<Object, Object> invoker, Supplier<ObjectMapper> mapper,
            ManagedContext requestContext) {
        this.method = method;
        this.invoker = invoker;
        this.mapper = mapper;
        this.requestContext = requestContext;
        this.outside = new ResultMapper(method, null);
    }

    /**
     * Makes what the worker needs to run a task: the application's {@code ObjectMapper} (its modules and customizers,
     * the bulk of Jackson's loading at start-up) and the parameter types. The pollers call it at start-up right after
     * sending their first polls, so that this work runs while those are out; the first task finds it done, or waits for
     * it. A customizer that throws fails the start here.
     */
    public void prepare() {
        binding();
    }

    private Binding binding() {
        Binding current = binding;
        if (current == null) {
            synchronized (this) {
                current = binding;
                if (current == null) {
                    ObjectMapper json = mapper.get();
                    binding = current = new Binding(new InputBinder(method, json),
                            new ResultMapper(method, new OutputConverter(json)));
                }
            }
        }
        return current;
    }

    /** What the build found out about the method. */
    public WorkerMethod method() {
        return method;
    }

    public String taskName() {
        return method.getTaskName();
    }

    /**
     * The results of this worker's method for outcomes decided outside an invocation: {@link ResultMapper#timedOut} and
     * {@link ResultMapper#unexpected} (they write no output, so they need no mapper).
     */
    public ResultMapper results() {
        return outside;
    }

    /**
     * Executes {@code task} on this thread, which a blocking method ({@link WorkerMethod#isBlocking()}) occupies until
     * it returns and a method returning {@code Uni} or {@code CompletionStage} must not block, and tells
     * {@code whenDone} the outcome, once.
     *
     * @return a way to cancel a method whose result is still to come; a no-op once the outcome is known
     */
    public Cancellable execute(Task task, Consumer<Outcome> whenDone) {
        Binding prepared;
        try {
            prepared = binding();
        } catch (RuntimeException | Error e) {
            // the application's mapper cannot be made (a customizer throws; the start fails with it): a task a first
            // poll brought meanwhile is reported failed, not held
            whenDone.accept(new Outcome(outside.unexpected(task, e), e));
            return DONE;
        }
        InputBinder binder = prepared.binder();
        ResultMapper results = prepared.results();
        TaskScope scope = TaskScope.enter(task, requestContext);
        InvocationContext context = binder.needsContext() ? new InvocationContext(task) : null;
        Object value;
        try {
            value = invoker.invoke(null, binder.bind(task, context));
        } catch (InputBindingException e) {
            LOG.warnf("%s rejected: %s", task, e.getMessage());
            return done(scope, new Outcome(results.badInput(task, e), e), whenDone);
        } catch (Throwable t) {
            return done(scope, failed(results, task, t, context), whenDone);
        }
        if (method.isBlocking()) {
            return done(scope, Outcome.returned(results.returned(task, value, context)), whenDone);
        }
        // the invoker rejects a null Uni or stage with an exception: the value is never null here
        Uni<?> pending = method.getReturnKind() == WorkerMethod.ReturnKind.UNI ? (Uni<?>) value
                : Uni.createFrom().completionStage((CompletionStage<?>) value);
        scope.suspend();
        return pending.onCancellation().invoke(scope::close).subscribe().with(item -> {
            scope.resume();
            done(scope, Outcome.returned(results.returned(task, item, context)), whenDone);
        }, failure -> {
            scope.resume();
            done(scope, failed(results, task, failure, context), whenDone);
        });
    }

    private static Cancellable done(TaskScope scope, Outcome outcome, Consumer<Outcome> whenDone) {
        scope.close();
        whenDone.accept(outcome);
        return DONE;
    }

    /** The method threw: the task fails, for good with {@code NonRetryableException}. Logged here, once. */
    private static Outcome failed(ResultMapper results, Task task, Throwable failure, InvocationContext context) {
        Throwable cause = ResultMapper.unwrap(failure);
        TaskResult result = results.threw(task, cause, context);
        if (result.getStatus() == TaskResult.Status.FAILED_WITH_TERMINAL_ERROR) {
            LOG.warnf("%s failed for good: %s", task, result.getReasonForIncompletion());
        } else {
            LOG.warnf(cause, "%s failed, the server may retry it: %s", task, result.getReasonForIncompletion());
        }
        return new Outcome(result, cause);
    }

    @Override
    public String toString() {
        return "Worker[" + method.getTaskName() + " -> " + method.getDescription() + "]";
    }
}
