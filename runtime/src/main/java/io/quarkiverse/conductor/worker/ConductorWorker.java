package io.quarkiverse.conductor.worker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the worker of a Conductor task type.
 * <p>
 * The extension finds the method at build time, polls the Conductor server for tasks of type {@link #value()}, binds
 * each task's {@code inputData} to the method's parameters, invokes the method and reports its return value as the
 * task's output. A class that declares such a method and has no scope becomes a {@code @Singleton} bean.
 *
 * <pre>
 * &#64;ConductorWorker("greetings")
 * String greetings(String name) {
 *     return "Hello, " + name;
 * }
 * </pre>
 *
 * Values set here are defaults written by the worker's author; the configuration
 * ({@code quarkus.conductor.workers."task-name".*}) overrides them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConductorWorker {

    /**
     * The name of the task definition this method executes (the {@code taskType} the server schedules).
     */
    String value();

    /**
     * How many tasks of this type may run at once in this application; {@code 0} means the configured default.
     */
    int concurrency() default 0;

    /**
     * How long an idle worker waits between two polls that returned nothing, as a duration such as {@code 100ms} or
     * {@code PT1S}; empty means the configured default.
     */
    String pollInterval() default "";

    /**
     * The task domain to poll; empty means the configured default (no domain unless configured).
     */
    String domain() default "";
}
