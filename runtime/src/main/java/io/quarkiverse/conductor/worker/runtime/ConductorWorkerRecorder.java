package io.quarkiverse.conductor.worker.runtime;

import jakarta.enterprise.invoke.Invoker;

import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

@Recorder
public class ConductorWorkerRecorder {

    public void registerWorker(BeanContainer container, WorkerMethod method,
            RuntimeValue<Invoker<Object, Object>> invoker) {
        container.beanInstance(WorkerRegistry.class).register(method, invoker.getValue());
    }
}
