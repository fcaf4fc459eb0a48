package io.quarkiverse.conductor.worker.runtime.config;

import io.smallrye.config.WithDefault;

/**
 * Where the application's definition files are. They are read and checked at build time.
 */
public interface RegistrationBuildTimeConfig {

    /**
     * The resource directory of the workflow definitions: one Conductor workflow definition (JSON) per `.json` file,
     * under `src/main/resources/` followed by this path.
     */
    @WithDefault("conductor/workflows")
    String workflowsLocation();

    /**
     * The resource directory of task definitions of tasks that no `@ConductorWorker` method of the application executes
     * (a worker in another service): one Conductor task definition (JSON) per `.json` file. The definitions of the
     * application's own workers come from their annotations and configuration.
     */
    @WithDefault("conductor/tasks")
    String tasksLocation();
}
