package io.quarkiverse.conductor.worker.deployment;

import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.CONDUCTOR_WORKER;

import java.lang.constant.ClassDesc;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.invoke.Invoker;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.ConductorWorkerRecorder;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;
import io.quarkiverse.conductor.worker.runtime.client.AccessToken;
import io.quarkiverse.conductor.worker.runtime.client.DefaultReactiveTaskClient;
import io.quarkiverse.conductor.worker.runtime.client.DefaultTaskClient;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClientProducer;
import io.quarkiverse.conductor.worker.runtime.poll.DefaultConductorWorkers;
import io.quarkiverse.conductor.worker.runtime.poll.EffectiveWorkerSettings;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.InvokerFactoryBuildItem;
import io.quarkus.arc.deployment.TransformedAnnotationsBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.runtime.RuntimeValue;

/**
 * Finds the {@code @ConductorWorker} methods, validates them, generates an invoker for each, and hands them to the
 * runtime. Each build step does one of these things; they are joined by {@link WorkerMethodBuildItem},
 * {@link ValidWorkerMethodBuildItem} and {@link WorkerInvokerBuildItem}.
 */
class ConductorWorkerProcessor {

    static final String FEATURE = "conductor-worker";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem runtimeBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(WorkerRegistry.class, EffectiveWorkerSettings.class, WorkerPollers.class,
                        DefaultConductorWorkers.class, TaskApiClientProducer.class, DefaultTaskClient.class,
                        DefaultReactiveTaskClient.class)
                .setUnremovable()
                .build();
    }

    /** A class with worker methods needs no annotation to become a bean. */
    @BuildStep
    AutoAddScopeBuildItem addScopeToWorkerClasses() {
        return AutoAddScopeBuildItem.builder()
                .anyMethodMatches(method -> method.hasDeclaredAnnotation(CONDUCTOR_WORKER))
                .defaultScope(BuiltinScope.SINGLETON)
                .unremovable()
                .reason("it declares @ConductorWorker methods")
                .build();
    }

    /** Nothing injects a worker bean; the invokers look it up, so it must survive unused-bean removal. */
    @BuildStep
    UnremovableBeanBuildItem keepWorkerBeans() {
        return UnremovableBeanBuildItem.beanClassAnnotation(CONDUCTOR_WORKER);
    }

    /** {@code @RunOnVirtualThread} and {@code @Blocking} are meaningful on worker methods. */
    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem allowExecutionModelAnnotations() {
        return new ExecutionModelAnnotationsAllowedBuildItem(method -> method.hasDeclaredAnnotation(CONDUCTOR_WORKER));
    }

    @BuildStep
    void collectWorkerMethods(BeanDiscoveryFinishedBuildItem beans, TransformedAnnotationsBuildItem annotations,
            BuildProducer<WorkerMethodBuildItem> workerMethods) {
        for (BeanInfo bean : beans.beanStream().classBeans()) {
            for (MethodInfo method : bean.getTarget().get().asClass().methods()) {
                AnnotationInstance annotation = annotations.getAnnotation(method, CONDUCTOR_WORKER);
                if (annotation != null) {
                    workerMethods.produce(new WorkerMethodBuildItem(bean, method, annotation));
                }
            }
        }
    }

    @BuildStep
    void validateWorkerMethods(ValidationPhaseBuildItem validationPhase, CombinedIndexBuildItem index,
            List<WorkerMethodBuildItem> workerMethods, BuildProducer<ValidationErrorBuildItem> errors,
            BuildProducer<ValidWorkerMethodBuildItem> validMethods) {
        List<Throwable> problems = new ArrayList<>();
        problems.addAll(notOnBeans(index, workerMethods));
        problems.addAll(duplicateTaskNames(workerMethods));
        for (WorkerMethodBuildItem workerMethod : workerMethods) {
            WorkerMethodAnalyzer.Analysis analysis = WorkerMethodAnalyzer.analyze(workerMethod);
            if (analysis.problems().isEmpty()) {
                validMethods.produce(new ValidWorkerMethodBuildItem(workerMethod, analysis.plan(), analysis.jsonTypes()));
            } else {
                analysis.problems().forEach(problem -> problems.add(new IllegalStateException(problem)));
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    private static List<Throwable> notOnBeans(CombinedIndexBuildItem index, List<WorkerMethodBuildItem> workerMethods) {
        Set<MethodInfo> found = workerMethods.stream().map(WorkerMethodBuildItem::method).collect(Collectors.toSet());
        List<Throwable> problems = new ArrayList<>();
        for (AnnotationInstance annotation : index.getIndex().getAnnotations(CONDUCTOR_WORKER)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.METHOD && !found.contains(annotation.target().asMethod())) {
                MethodInfo method = annotation.target().asMethod();
                DotName declaringClass = method.declaringClass().name();
                problems.add(new IllegalStateException("Method " + JandexTypes.describe(method)
                        + " is annotated @ConductorWorker but " + declaringClass.withoutPackagePrefix()
                        + " is not a bean class" + whyNotABean(method.declaringClass().flags())
                        + ": declare the method on a concrete bean class"));
            }
        }
        return problems;
    }

    private static String whyNotABean(short classFlags) {
        if (Modifier.isInterface(classFlags)) {
            return " (it is an interface)";
        }
        if (Modifier.isAbstract(classFlags)) {
            return " (it is abstract)";
        }
        return " (it may be vetoed, excluded or not in a bean archive)";
    }

    private static List<Throwable> duplicateTaskNames(List<WorkerMethodBuildItem> workerMethods) {
        Map<String, List<WorkerMethodBuildItem>> byTask = new LinkedHashMap<>();
        for (WorkerMethodBuildItem workerMethod : workerMethods) {
            byTask.computeIfAbsent(workerMethod.taskName(), name -> new ArrayList<>()).add(workerMethod);
        }
        List<Throwable> problems = new ArrayList<>();
        byTask.forEach((taskName, methods) -> {
            if (methods.size() > 1 && !taskName.isBlank()) {
                problems.add(new IllegalStateException("Task '" + taskName + "' has " + methods.size()
                        + " @ConductorWorker methods: " + methods.stream().map(WorkerMethodBuildItem::description)
                                .sorted().collect(Collectors.joining(", "))
                        + "; an application has one worker per task type, so keep one and rename or remove the others"));
            }
        });
        return problems;
    }

    /**
     * Invokers look the bean up themselves, so no reflection and no bean reference is needed at run time. Producing
     * {@link ValidationErrorBuildItem} keeps this step before ArC generates its classes, after which invokers can no
     * longer be created.
     */
    @BuildStep
    void generateInvokers(List<ValidWorkerMethodBuildItem> validMethods, InvokerFactoryBuildItem invokerFactory,
            BuildProducer<WorkerInvokerBuildItem> invokers, BuildProducer<ValidationErrorBuildItem> beforeGeneration) {
        for (ValidWorkerMethodBuildItem valid : validMethods) {
            WorkerMethodBuildItem source = valid.source();
            invokers.produce(new WorkerInvokerBuildItem(valid.plan(),
                    invokerFactory.createInvoker(source.bean(), source.method()).withInstanceLookup().build()));
        }
    }

    /** Jackson reads parameter types and writes return types reflectively; a native image must know them. */
    @BuildStep
    void registerForReflection(List<ValidWorkerMethodBuildItem> validMethods,
            BuildProducer<ReflectiveHierarchyBuildItem> hierarchy, BuildProducer<ReflectiveClassBuildItem> classes) {
        classes.produce(ReflectiveClassBuildItem.builder(Task.class, TaskResult.class, TaskExecLog.class,
                AccessToken.KeyRequest.class, AccessToken.TokenResponse.class)
                .reason(getClass().getName()).methods().fields().constructors().build());
        for (ValidWorkerMethodBuildItem valid : validMethods) {
            for (Type type : valid.jsonTypes()) {
                hierarchy.produce(ReflectiveHierarchyBuildItem.builder(type)
                        .source(valid.source().description())
                        .build());
            }
        }
    }

    /**
     * Fills the registry the pollers start from. It must run before the {@code StartupEvent}, which only waits for the
     * steps that produce a {@link ServiceStartBuildItem}: without one, an application with more extensions may start
     * its workers before they are registered, and none polls.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ServiceStartBuildItem registerWorkers(ConductorWorkerRecorder recorder, RecorderContext recorderContext,
            BeanContainerBuildItem beanContainer, List<WorkerInvokerBuildItem> invokers) {
        for (WorkerInvokerBuildItem invoker : invokers) {
            RuntimeValue<Invoker<Object, Object>> instance = recorderContext
                    .newInstance(className(invoker.invoker().getClassDesc()));
            recorder.registerWorker(beanContainer.getValue(), invoker.plan(), instance);
        }
        return new ServiceStartBuildItem(FEATURE);
    }

    /** {@code Lorg/acme/Foo$Bar;} to {@code org.acme.Foo$Bar}. */
    private static String className(ClassDesc descriptor) {
        String internal = descriptor.descriptorString();
        return internal.substring(1, internal.length() - 1).replace('/', '.');
    }
}
