package io.quarkiverse.conductor.worker.runtime.definitions;

import java.util.List;

import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;

@Recorder
public class DefinitionsRecorder {

    public void register(BeanContainer container, List<DeclaredTaskDefinition> workerDefinitions,
            List<DefinitionFile> files) {
        container.beanInstance(ApplicationDefinitions.class).set(workerDefinitions, files);
    }
}
