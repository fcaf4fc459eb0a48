package io.quarkiverse.conductor.worker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a worker method parameter to the task input key {@link #value()} instead of the parameter's own name.
 *
 * <pre>
 * &#64;ConductorWorker("send_email")
 * void send(&#64;InputParam("to_address") String to) { ... }
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface InputParam {

    /**
     * The key in the task's {@code inputData}.
     */
    String value();
}
