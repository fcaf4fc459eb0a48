package io.quarkiverse.conductor.worker.deployment;

import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.COMPLETABLE_FUTURE;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.COMPLETION_STAGE;
import static io.quarkiverse.conductor.worker.deployment.ConductorDotNames.UNI;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.conductor.worker.runtime.TypeSpec;

/**
 * The Jandex types of worker methods, read for the build: how messages name them, which of them promise a value, and
 * the {@link TypeSpec} the runtime reads JSON into.
 */
final class JandexTypes {

    /** The types whose value comes later, which a worker may return and the runtime awaits. */
    private static final Set<DotName> PROMISES = Set.of(UNI, COMPLETION_STAGE, COMPLETABLE_FUTURE);

    private JandexTypes() {
    }

    /** Whether {@code name} is {@code Uni}, {@code CompletionStage} or {@code CompletableFuture}. */
    static boolean isPromise(DotName name) {
        return PROMISES.contains(name);
    }

    /** The type of the value {@code type} promises ({@code T} of {@code Uni<T>}), or {@code type} itself. */
    static Type promisedType(Type type) {
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE && isPromise(type.name())) {
            return type.asParameterizedType().arguments().get(0);
        }
        return type;
    }

    static TypeSpec typeSpec(Type type) {
        switch (type.kind()) {
            case PRIMITIVE:
                return TypeSpec.of(primitiveClass(type.asPrimitiveType()), List.of());
            case ARRAY:
                return TypeSpec.arrayOf(typeSpec(type.asArrayType().componentType()));
            case PARAMETERIZED_TYPE:
                List<TypeSpec> arguments = type.asParameterizedType().arguments().stream()
                        .map(JandexTypes::typeSpec).toList();
                return TypeSpec.of(load(type.name()), arguments);
            case WILDCARD_TYPE:
                Type bound = type.asWildcardType().extendsBound();
                return bound == null ? TypeSpec.of(Object.class, List.of()) : typeSpec(bound);
            default:
                return TypeSpec.of(load(type.name()), List.of());
        }
    }

    private static Class<?> primitiveClass(PrimitiveType type) {
        return switch (type.primitive()) {
            case BOOLEAN -> boolean.class;
            case BYTE -> byte.class;
            case CHAR -> char.class;
            case SHORT -> short.class;
            case INT -> int.class;
            case LONG -> long.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
        };
    }

    /** Application classes may be loaded at build time; the recorder writes them down as class literals. */
    private static Class<?> load(DotName name) {
        try {
            return Class.forName(name.toString(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Class " + name + " used by a @ConductorWorker method is not on the"
                    + " application class path", e);
        }
    }

    /** {@code OrderWorker#process(OrderInfo)}: how messages name a method. */
    static String describe(MethodInfo method) {
        return method.declaringClass().name().withoutPackagePrefix() + "#" + method.name()
                + method.parameterTypes().stream().map(JandexTypes::simpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code List<OrderLine>} rather than {@code java.util.List<org.acme.OrderLine>}. */
    static String simpleName(Type type) {
        switch (type.kind()) {
            case PARAMETERIZED_TYPE:
                return type.name().withoutPackagePrefix() + type.asParameterizedType().arguments().stream()
                        .map(JandexTypes::simpleName).collect(Collectors.joining(", ", "<", ">"));
            case ARRAY:
                return simpleName(type.asArrayType().constituent())
                        + "[]".repeat(type.asArrayType().dimensions());
            case WILDCARD_TYPE:
                Type bound = type.asWildcardType().extendsBound();
                return bound == null || bound.name().equals(DotName.OBJECT_NAME) ? "?" : "? extends " + simpleName(bound);
            case PRIMITIVE:
            case VOID:
                return type.toString();
            case TYPE_VARIABLE:
                return type.asTypeVariable().identifier();
            default:
                return type.name().withoutPackagePrefix();
        }
    }
}
