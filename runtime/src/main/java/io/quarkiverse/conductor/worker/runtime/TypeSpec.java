package io.quarkiverse.conductor.worker.runtime;

import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * A generic Java type, written down at build time so that the Jackson type of a worker parameter can be rebuilt at
 * start-up from class literals, without reading generic signatures reflectively.
 * <p>
 * Either {@code rawType} is set (with its type {@code arguments}, possibly empty) or, for an array,
 * {@code componentType}.
 */
public final class TypeSpec {

    private final Class<?> rawType;
    private final List<TypeSpec> arguments;
    private final TypeSpec componentType;

    @RecordableConstructor
    public TypeSpec(Class<?> rawType, List<TypeSpec> arguments, TypeSpec componentType) {
        this.rawType = rawType;
        this.arguments = arguments == null ? List.of() : arguments;
        this.componentType = componentType;
    }

    public static TypeSpec of(Class<?> rawType, List<TypeSpec> arguments) {
        return new TypeSpec(rawType, arguments, null);
    }

    public static TypeSpec arrayOf(TypeSpec componentType) {
        return new TypeSpec(null, List.of(), componentType);
    }

    public Class<?> getRawType() {
        return rawType;
    }

    public List<TypeSpec> getArguments() {
        return arguments;
    }

    public TypeSpec getComponentType() {
        return componentType;
    }

    JavaType toJavaType(TypeFactory factory) {
        if (componentType != null) {
            return factory.constructArrayType(componentType.toJavaType(factory));
        }
        if (arguments.isEmpty()) {
            return factory.constructType(rawType);
        }
        JavaType[] parameters = new JavaType[arguments.size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = arguments.get(i).toJavaType(factory);
        }
        return factory.constructParametricType(rawType, parameters);
    }

    @Override
    public String toString() {
        if (componentType != null) {
            return componentType + "[]";
        }
        if (arguments.isEmpty()) {
            return rawType.getName();
        }
        StringBuilder name = new StringBuilder(rawType.getName()).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            name.append(i == 0 ? "" : ", ").append(arguments.get(i));
        }
        return name.append('>').toString();
    }
}
