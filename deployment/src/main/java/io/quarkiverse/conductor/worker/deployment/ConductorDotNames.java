package io.quarkiverse.conductor.worker.deployment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.jboss.jandex.DotName;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.InputParam;
import io.quarkiverse.conductor.worker.OutputParam;
import io.quarkiverse.conductor.worker.TaskContext;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

final class ConductorDotNames {

    static final DotName CONDUCTOR_WORKER = DotName.createSimple(ConductorWorker.class);
    static final DotName INPUT_PARAM = DotName.createSimple(InputParam.class);
    static final DotName OUTPUT_PARAM = DotName.createSimple(OutputParam.class);
    static final DotName TASK_DEFINITION = DotName.createSimple(TaskDefinition.class);
    static final DotName RUN_ON_VIRTUAL_THREAD = DotName.createSimple(RunOnVirtualThread.class);

    static final DotName TASK = DotName.createSimple(Task.class);
    static final DotName TASK_RESULT = DotName.createSimple(TaskResult.class);
    static final DotName TASK_CONTEXT = DotName.createSimple(TaskContext.class);

    static final DotName UNI = DotName.createSimple(Uni.class);
    static final DotName MULTI = DotName.createSimple(Multi.class);
    static final DotName COMPLETION_STAGE = DotName.createSimple(CompletionStage.class);
    static final DotName COMPLETABLE_FUTURE = DotName.createSimple(CompletableFuture.class);
    static final DotName FUTURE = DotName.createSimple(Future.class);
    static final DotName FLOW_PUBLISHER = DotName.createSimple(Flow.Publisher.class);
    static final DotName REACTIVE_STREAMS_PUBLISHER = DotName.createSimple("org.reactivestreams.Publisher");
    static final DotName STREAM = DotName.createSimple(Stream.class);
    static final DotName VOID = DotName.createSimple(Void.class);

    private ConductorDotNames() {
    }
}
