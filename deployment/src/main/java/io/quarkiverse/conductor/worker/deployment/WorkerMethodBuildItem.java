package io.quarkiverse.conductor.worker.deployment;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.MethodInfo;

import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A bean method annotated {@code @ConductorWorker}, as found; not yet validated.
 */
final class WorkerMethodBuildItem extends MultiBuildItem {

    private final BeanInfo bean;
    private final MethodInfo method;
    private final AnnotationInstance annotation;

    WorkerMethodBuildItem(BeanInfo bean, MethodInfo method, AnnotationInstance annotation) {
        this.bean = bean;
        this.method = method;
        this.annotation = annotation;
    }

    BeanInfo bean() {
        return bean;
    }

    MethodInfo method() {
        return method;
    }

    String taskName() {
        return annotation.value().asString();
    }

    AnnotationInstance annotation() {
        return annotation;
    }

    /** {@code OrderWorker#process(OrderInfo)}: how messages name the method. */
    String description() {
        return JandexTypes.describe(method);
    }
}
