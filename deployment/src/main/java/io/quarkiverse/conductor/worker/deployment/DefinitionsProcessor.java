package io.quarkiverse.conductor.worker.deployment;

import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.CONDUCTOR_WORKER;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.TASK_DEFINITION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.runtime.client.ConductorApiClientsProducer;
import io.quarkiverse.conductor.worker.runtime.client.ConductorWorkflowApi;
import io.quarkiverse.conductor.worker.runtime.client.DefaultReactiveWorkflowClient;
import io.quarkiverse.conductor.worker.runtime.client.DefaultWorkflowClient;
import io.quarkiverse.conductor.worker.runtime.config.ConductorBuildTimeConfig;
import io.quarkiverse.conductor.worker.runtime.definitions.ApplicationDefinitions;
import io.quarkiverse.conductor.worker.runtime.definitions.DeclaredTaskDefinition;
import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionFile;
import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionRegistrar;
import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionsRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Definitions as code: the task definition of every worker (its {@code @TaskDefinition}, or defaults), and the workflow
 * and task definition files of the application, checked at build time and registered at start-up; the workflow client.
 */
class DefinitionsProcessor {

    private static final Logger LOG = Logger.getLogger(DefinitionsProcessor.class);

    /** Conductor's JSON; duplicate keys are a mistake the server would silently resolve. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @BuildStep
    AdditionalBeanBuildItem definitionBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(ApplicationDefinitions.class, DefinitionRegistrar.class, ConductorApiClientsProducer.class,
                        DefaultWorkflowClient.class, DefaultReactiveWorkflowClient.class)
                .setUnremovable()
                .build();
    }

    /** The REST client interface lives in the extension's jar, which is not a bean archive: index it explicitly. */
    @BuildStep
    AdditionalIndexedClassesBuildItem indexApis() {
        return new AdditionalIndexedClassesBuildItem(ConductorWorkflowApi.class.getName());
    }

    /** Conductor's JSON reads executions reflectively. */
    @BuildStep
    ReflectiveClassBuildItem registerForReflection() {
        return ReflectiveClassBuildItem.builder(Workflow.class, Workflow.WorkflowStatus.class, StartWorkflowRequest.class)
                .reason(getClass().getName()).methods().fields().constructors().build();
    }

    @BuildStep
    void declareTaskDefinitions(CombinedIndexBuildItem index, List<ValidWorkerMethodBuildItem> workers,
            BuildProducer<WorkerTaskDefinitionBuildItem> definitions, BuildProducer<ValidationErrorBuildItem> errors) {
        List<Throwable> problems = new ArrayList<>();
        for (AnnotationInstance annotation : index.getIndex().getAnnotations(TASK_DEFINITION)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.METHOD
                    && !annotation.target().asMethod().hasDeclaredAnnotation(CONDUCTOR_WORKER)) {
                MethodInfo method = annotation.target().asMethod();
                problems.add(new IllegalStateException("Method " + JandexTypes.describe(method)
                        + " is annotated @TaskDefinition but not @ConductorWorker: a task definition belongs to the"
                        + " worker method of its task type; add @ConductorWorker(\"task_name\"), or define a task that"
                        + " another application executes in a task definition file"));
            }
        }
        for (ValidWorkerMethodBuildItem worker : workers) {
            TaskDefinitionAnalyzer.Analysis analysis = TaskDefinitionAnalyzer.analyze(worker.plan(),
                    worker.source().method().declaredAnnotation(TASK_DEFINITION));
            if (analysis.problems().isEmpty()) {
                definitions.produce(new WorkerTaskDefinitionBuildItem(analysis.declaration()));
            } else {
                analysis.problems().forEach(problem -> problems.add(new IllegalStateException(problem)));
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    /**
     * Reads the definition files and checks them: a file the server would reject fails the build, naming the file and
     * the problem; a likely mistake is a warning.
     */
    @BuildStep
    void readDefinitionFiles(ConductorBuildTimeConfig config, ApplicationArchivesBuildItem archives,
            List<WorkerMethodBuildItem> workers, BuildProducer<DefinitionFileBuildItem> files,
            BuildProducer<NativeImageResourceBuildItem> resources) {
        Map<String, String> taskFiles = read(archives, config.registration().tasksLocation());
        Map<String, String> workflowFiles = read(archives, config.registration().workflowsLocation());
        if (taskFiles.isEmpty() && workflowFiles.isEmpty()) {
            return;
        }
        Map<String, String> workerMethods = new HashMap<>();
        workers.forEach(worker -> workerMethods.put(worker.taskName(), worker.description()));
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<DefinitionFile> found = new ArrayList<>();

        Map<String, String> taskDefinedIn = new HashMap<>();
        taskFiles.forEach((resource, content) -> {
            JsonNode json = parse(resource, content, problems);
            if (json == null) {
                return;
            }
            DefinitionFileChecker.Findings findings = DefinitionFileChecker.checkTask(resource, json);
            problems.addAll(findings.problems());
            warnings.addAll(findings.warnings());
            if (findings.problems().isEmpty()) {
                String name = json.get("name").asText();
                String other = taskDefinedIn.putIfAbsent(name, resource);
                if (other != null) {
                    problems.add(resource + " and " + other + " both define task '" + name + "': keep one");
                } else if (workerMethods.containsKey(name)) {
                    problems.add(resource + " defines task '" + name + "', which the worker " + workerMethods.get(name)
                            + " of this application executes: declare its definition with @TaskDefinition on the"
                            + " method (or quarkus.conductor.workers.\"" + name + "\".definition.*) and remove the file");
                } else {
                    found.add(new DefinitionFile(DefinitionFile.Kind.TASK, resource, name, 0));
                }
            }
        });

        Set<String> executed = new HashSet<>(workerMethods.keySet());
        executed.addAll(taskDefinedIn.keySet());
        Map<String, String> workflowDefinedIn = new HashMap<>();
        workflowFiles.forEach((resource, content) -> {
            JsonNode json = parse(resource, content, problems);
            if (json == null) {
                return;
            }
            DefinitionFileChecker.Findings findings = DefinitionFileChecker.checkWorkflow(resource, json,
                    executed::contains);
            problems.addAll(findings.problems());
            warnings.addAll(findings.warnings());
            if (findings.problems().isEmpty()) {
                String name = json.get("name").asText();
                int version = json.path("version").asInt(1);
                String other = workflowDefinedIn.putIfAbsent(name + " version " + version, resource);
                if (other != null) {
                    problems.add(resource + " and " + other + " both define workflow '" + name + "' version " + version
                            + ": give one of them another version, or keep one");
                } else {
                    found.add(new DefinitionFile(DefinitionFile.Kind.WORKFLOW, resource, name, version));
                }
            }
        });

        warnings.forEach(warning -> LOG.warn(warning));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid Conductor definition files:\n - " + String.join("\n - ", problems));
        }
        for (DefinitionFile file : found) {
            files.produce(new DefinitionFileBuildItem(file));
        }
        resources.produce(new NativeImageResourceBuildItem(found.stream().map(DefinitionFile::getResource).toList()));
    }

    /** The {@code .json} files under {@code location} in the application's resources, by resource path, sorted. */
    private static Map<String, String> read(ApplicationArchivesBuildItem archives, String location) {
        String directory = trimSlashes(location);
        Map<String, String> files = new TreeMap<>();
        archives.getRootArchive().accept(tree -> tree.walkIfContains(directory, visit -> {
            Path path = visit.getPath();
            String resource = visit.getRelativePath("/");
            if (Files.isRegularFile(path) && resource.endsWith(".json")) {
                try {
                    files.put(resource, Files.readString(path));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + resource, e);
                }
            }
        }));
        return files;
    }

    private static JsonNode parse(String resource, String content, List<String> problems) {
        try {
            JsonNode json = JSON.readTree(content);
            if (json == null || json.isMissingNode()) {
                problems.add(resource + " is empty: put a Conductor definition (a JSON object) in it, or remove it");
                return null;
            }
            return json;
        } catch (JsonProcessingException e) {
            problems.add(resource + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            return null;
        }
    }

    /** In dev mode, a changed, added or removed definition file restarts the application, which registers it. */
    @BuildStep(onlyIf = IsDevelopment.class)
    void watchDefinitionFiles(ConductorBuildTimeConfig config, BuildProducer<HotDeploymentWatchedFileBuildItem> watched) {
        for (String location : List.of(config.registration().workflowsLocation(),
                config.registration().tasksLocation())) {
            String prefix = trimSlashes(location) + "/";
            watched.produce(HotDeploymentWatchedFileBuildItem.builder()
                    .setLocationPredicate(path -> path.replace('\\', '/').startsWith(prefix) && path.endsWith(".json"))
                    .build());
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void recordDefinitions(DefinitionsRecorder recorder, BeanContainerBuildItem beanContainer,
            List<WorkerTaskDefinitionBuildItem> workerDefinitions, List<DefinitionFileBuildItem> files) {
        List<DeclaredTaskDefinition> declared = workerDefinitions.stream().map(WorkerTaskDefinitionBuildItem::declaration)
                .sorted(Comparator.comparing(DeclaredTaskDefinition::getTaskName)).toList();
        List<DefinitionFile> sorted = files.stream().map(DefinitionFileBuildItem::file)
                .sorted(Comparator.comparing((DefinitionFile file) -> file.getKind())
                        .thenComparing(DefinitionFile::getName).thenComparingInt(DefinitionFile::getVersion))
                .toList();
        recorder.register(beanContainer.getValue(), declared, sorted);
    }

    private static String trimSlashes(String location) {
        String trimmed = location.trim().replace('\\', '/');
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
