package io.quarkiverse.conductor.worker.deployment;

import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.FLOW_PUBLISHER;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.FUTURE;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.INPUT_PARAM;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.MULTI;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.OUTPUT_PARAM;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.REACTIVE_STREAMS_PUBLISHER;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.RUN_ON_VIRTUAL_THREAD;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.STREAM;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.TASK;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.TASK_CONTEXT;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.TASK_RESULT;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.UNI;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.VOID;
import static io.quarkiverse.conductor.worker.deployment.JandexTypes.isPromise;
import static io.quarkiverse.conductor.worker.deployment.JandexTypes.promisedType;
import static io.quarkiverse.conductor.worker.deployment.JandexTypes.simpleName;
import static io.quarkiverse.conductor.worker.deployment.JandexTypes.typeSpec;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.conductor.worker.runtime.TypeSpec;
import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkiverse.conductor.worker.runtime.WorkerMethod.ReturnKind;
import io.quarkiverse.conductor.worker.runtime.WorkerParameter;
import io.quarkiverse.conductor.worker.runtime.WorkerParameter.Source;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Decides how a {@code @ConductorWorker} method is called (where each argument comes from, how the result comes back)
 * or, when it cannot be called, says why in terms of the bean, the method and the fix.
 */
final class WorkerMethodAnalyzer {

    /** The plan for a valid method, or the problems of an invalid one. */
    record Analysis(WorkerMethod plan, List<Type> jsonTypes, List<String> problems) {
    }

    /** Results a worker cannot hand back: streams of values, and futures that cannot be observed without blocking. */
    private static final Set<DotName> UNSUPPORTED_RETURN_TYPES = Set.of(MULTI, FLOW_PUBLISHER, REACTIVE_STREAMS_PUBLISHER,
            STREAM, FUTURE);

    private static final String PROMISED_PARAMETER = "a worker receives values, not promises of values; declare the value"
            + " type itself";

    private final WorkerMethodBuildItem item;
    private final MethodInfo method;
    private final String description;
    private final List<String> problems = new ArrayList<>();
    private final List<Type> jsonTypes = new ArrayList<>();

    private WorkerMethodAnalyzer(WorkerMethodBuildItem item) {
        this.item = item;
        this.method = item.method();
        this.description = item.description();
    }

    static Analysis analyze(WorkerMethodBuildItem item) {
        return new WorkerMethodAnalyzer(item).analyze();
    }

    private Analysis analyze() {
        String taskName = item.taskName();
        if (taskName.isBlank()) {
            problems.add("Method " + description + " has @ConductorWorker(\"" + taskName
                    + "\") with an empty task name: set it to the name of the task definition the method executes,"
                    + " e.g. @ConductorWorker(\"" + snakeCase(method.name()) + "\")");
        }
        checkModifiers();
        AnnotationInstance annotation = item.annotation();
        int concurrency = intValue(annotation, "concurrency");
        if (concurrency < 0) {
            problems.add("Method " + description + " has @ConductorWorker(concurrency = " + concurrency
                    + "): set a concurrency of 1 or more, or leave it out to use the configured default");
        }
        String pollInterval = stringValue(annotation, "pollInterval");
        if (!pollInterval.isEmpty()) {
            try {
                if (DurationConverter.parseDuration(pollInterval).isNegative()) {
                    throw new IllegalArgumentException("negative");
                }
            } catch (RuntimeException e) {
                problems.add("Method " + description + " has @ConductorWorker(pollInterval = \"" + pollInterval
                        + "\"), which is not a duration of zero or more: use a value such as \"100ms\", \"1s\" or \"PT0.5S\"");
            }
        }
        List<WorkerParameter> parameters = parameters();
        ReturnKind returnKind = returnKind();
        String outputKey = outputKey(returnKind);
        boolean virtualThread = method.hasDeclaredAnnotation(RUN_ON_VIRTUAL_THREAD);
        if (virtualThread && (returnKind == ReturnKind.UNI || returnKind == ReturnKind.COMPLETION_STAGE)) {
            problems.add("Method " + description + " is annotated @RunOnVirtualThread but returns "
                    + simpleName(method.returnType()) + ", which does not block a thread: remove @RunOnVirtualThread,"
                    + " or return the value itself");
        }
        if (!problems.isEmpty()) {
            return new Analysis(null, List.of(), List.copyOf(problems));
        }
        WorkerMethod plan = new WorkerMethod(taskName, description, parameters, returnKind, outputKey, virtualThread,
                concurrency, pollInterval, stringValue(annotation, "domain"));
        return new Analysis(plan, List.copyOf(jsonTypes), List.of());
    }

    private void checkModifiers() {
        short flags = method.flags();
        if (Modifier.isPrivate(flags)) {
            problems.add("Method " + description + " is annotated @ConductorWorker but is private, so generated code"
                    + " cannot call it: make it package-private, protected or public");
        }
        if (Modifier.isStatic(flags)) {
            problems.add("Method " + description + " is annotated @ConductorWorker but is static: a worker is a method"
                    + " of a bean instance; remove 'static'");
        }
        if (Modifier.isAbstract(flags)) {
            problems.add("Method " + description + " is annotated @ConductorWorker but is abstract: annotate the"
                    + " implementing method of a bean class instead");
        }
    }

    private List<WorkerParameter> parameters() {
        List<WorkerParameter> result = new ArrayList<>();
        List<Integer> inputPositions = new ArrayList<>();
        for (MethodParameterInfo parameter : method.parameters()) {
            Type type = parameter.type();
            String declaration = simpleName(type) + (parameter.name() == null ? "" : " " + parameter.name());
            if (type.name().equals(TASK)) {
                result.add(new WorkerParameter(Source.TASK, null, null, declaration));
                continue;
            }
            if (type.name().equals(TASK_CONTEXT)) {
                result.add(new WorkerParameter(Source.CONTEXT, null, null, declaration));
                continue;
            }
            String key = inputKey(parameter, declaration);
            String unbindable = unbindableReason(type);
            if (unbindable != null) {
                problems.add("Parameter '" + declaration + "' of method " + description + " has type "
                        + simpleName(type) + ", which cannot be bound from the task input: " + unbindable);
                continue;
            }
            if (key == null) {
                continue;
            }
            jsonTypes.add(type);
            inputPositions.add(result.size());
            result.add(new WorkerParameter(Source.INPUT_KEY, key, typeSpec(type), declaration));
        }
        // the seeds' typed-input pattern: process_order(OrderInfo order_info) receives the whole input
        if (inputPositions.size() == 1 && problems.isEmpty()) {
            int position = inputPositions.get(0);
            MethodParameterInfo parameter = method.parameters().get(position);
            WorkerParameter only = result.get(position);
            if (parameter.annotation(INPUT_PARAM) == null && isObjectType(only.getType())) {
                result.set(position, new WorkerParameter(Source.INPUT_KEY_OR_WHOLE_INPUT, only.getKey(), only.getType(),
                        only.getDeclaration()));
            }
        }
        return result;
    }

    private String inputKey(MethodParameterInfo parameter, String declaration) {
        AnnotationInstance inputParam = parameter.annotation(INPUT_PARAM);
        if (inputParam != null) {
            String key = inputParam.value().asString();
            if (key.isBlank()) {
                problems.add("Parameter '" + declaration + "' of method " + description
                        + " has @InputParam(\"" + key + "\") with an empty key: name the input key it binds");
                return null;
            }
            return key;
        }
        if (parameter.name() == null) {
            problems.add("Parameter " + parameter.position() + " of method " + description
                    + " has no name in the compiled class, so the input key it binds is unknown: compile with"
                    + " -parameters (maven.compiler.parameters=true) or annotate it with @InputParam(\"key\")");
            return null;
        }
        return parameter.name();
    }

    /** Why a value of {@code type} cannot be read from JSON, or {@code null} if it can. */
    private static String unbindableReason(Type type) {
        switch (type.kind()) {
            case TYPE_VARIABLE:
            case UNRESOLVED_TYPE_VARIABLE:
            case TYPE_VARIABLE_REFERENCE:
                return "a type variable has no concrete type to read JSON into; declare a concrete type";
            case PARAMETERIZED_TYPE:
                if (isReactive(type.name())) {
                    return PROMISED_PARAMETER;
                }
                for (Type argument : type.asParameterizedType().arguments()) {
                    String reason = unbindableReason(argument);
                    if (reason != null) {
                        return reason;
                    }
                }
                return null;
            case ARRAY:
                return unbindableReason(type.asArrayType().constituent());
            case WILDCARD_TYPE:
                Type bound = type.asWildcardType().extendsBound();
                return bound == null ? null : unbindableReason(bound);
            case CLASS:
                return isReactive(type.name()) ? PROMISED_PARAMETER : null;
            default:
                return null;
        }
    }

    private static boolean isReactive(DotName name) {
        return isPromise(name) || UNSUPPORTED_RETURN_TYPES.contains(name);
    }

    private ReturnKind returnKind() {
        Type returnType = method.returnType();
        if (returnType.kind() == Type.Kind.VOID) {
            return ReturnKind.VOID;
        }
        DotName name = returnType.name();
        if (UNSUPPORTED_RETURN_TYPES.contains(name) || returnType.kind() == Type.Kind.TYPE_VARIABLE
                || returnType.kind() == Type.Kind.UNRESOLVED_TYPE_VARIABLE) {
            problems.add("Method " + description + " returns " + simpleName(returnType)
                    + ", which a worker cannot return: return the output itself (a value, a Map, a POJO or record),"
                    + " a TaskResult, a Uni or a CompletionStage of one of those, or void");
            return ReturnKind.VOID;
        }
        if (isPromise(name)) {
            if (returnType.kind() == Type.Kind.PARAMETERIZED_TYPE) {
                Type result = promisedType(returnType);
                if (result.kind() == Type.Kind.TYPE_VARIABLE || isReactive(result.name())) {
                    problems.add("Method " + description + " returns " + simpleName(returnType)
                            + ", whose result type a worker cannot report: use a concrete value type such as "
                            + simpleName(returnType).replaceAll("<.*>", "") + "<Map<String, Object>>");
                } else if (!result.name().equals(TASK_RESULT) && !result.name().equals(VOID)) {
                    jsonTypes.add(result);
                }
            }
            return name.equals(UNI) ? ReturnKind.UNI : ReturnKind.COMPLETION_STAGE;
        }
        if (!name.equals(TASK_RESULT) && returnType.kind() != Type.Kind.PRIMITIVE) {
            jsonTypes.add(returnType);
        }
        return ReturnKind.VALUE;
    }

    private String outputKey(ReturnKind returnKind) {
        AnnotationInstance outputParam = method.declaredAnnotation(OUTPUT_PARAM);
        if (outputParam == null) {
            return null;
        }
        String key = outputParam.value().asString();
        if (key.isBlank()) {
            problems.add("Method " + description + " has @OutputParam(\"" + key
                    + "\") with an empty key: name the output key its return value is reported under");
        }
        Type result = promisedType(method.returnType());
        if (returnKind == ReturnKind.VOID || result.name().equals(TASK_RESULT) || result.name().equals(VOID)) {
            problems.add("Method " + description + " has @OutputParam(\"" + key + "\") but returns "
                    + simpleName(method.returnType()) + ", which has no value to report under that key:"
                    + " remove @OutputParam or return the value");
        }
        return key;
    }

    /** Maps, POJOs and records: a value the whole task input (a JSON object) can be read into. */
    private static boolean isObjectType(TypeSpec type) {
        Class<?> raw = type.getRawType();
        if (raw == null || raw.isPrimitive() || raw.isEnum()) {
            return false;
        }
        return Map.class.isAssignableFrom(raw) || !raw.getName().startsWith("java.");
    }

    private static int intValue(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value == null ? 0 : value.asInt();
    }

    private static String stringValue(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value == null ? "" : value.asString();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
