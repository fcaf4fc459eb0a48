package io.quarkiverse.conductor.worker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports a worker method's return value under the output key {@link #value()}: the task's {@code outputData}
 * becomes {@code {"<value>": returnValue}} whatever the type of the return value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OutputParam {

    /**
     * The key in the task's {@code outputData}.
     */
    String value();
}
