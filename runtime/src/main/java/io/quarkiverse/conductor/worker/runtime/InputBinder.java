package io.quarkiverse.conductor.worker.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.model.Task;

/**
 * Turns a task's {@code inputData} into the arguments of one worker method, with the application's
 * {@link ObjectMapper}, following the plan the build made for each parameter ({@link WorkerParameter}).
 */
final class InputBinder {

    private static final int MAX_RECEIVED_VALUE_LENGTH = 120;

    private final String taskName;
    private final String methodDescription;
    private final ObjectMapper mapper;
    private final WorkerParameter.Source[] sources;
    private final String[] keys;
    private final JavaType[] types;
    private final String[] declarations;
    private final boolean needsContext;

    InputBinder(WorkerMethod method, ObjectMapper mapper) {
        this.taskName = method.getTaskName();
        this.methodDescription = method.getDescription();
        this.mapper = mapper;
        List<WorkerParameter> parameters = method.getParameters();
        int count = parameters.size();
        this.sources = new WorkerParameter.Source[count];
        this.keys = new String[count];
        this.types = new JavaType[count];
        this.declarations = new String[count];
        boolean context = false;
        for (int i = 0; i < count; i++) {
            WorkerParameter parameter = parameters.get(i);
            sources[i] = parameter.getSource();
            keys[i] = parameter.getKey();
            types[i] = parameter.getType() == null ? null : parameter.getType().toJavaType(mapper.getTypeFactory());
            declarations[i] = parameter.getDeclaration();
            context |= parameter.getSource() == WorkerParameter.Source.CONTEXT;
        }
        this.needsContext = context;
    }

    /** Whether the method takes a {@code TaskContext}, so that an invocation must create one. */
    boolean needsContext() {
        return needsContext;
    }

    Object[] bind(Task task, InvocationContext context) throws InputBindingException {
        Object[] arguments = new Object[sources.length];
        Map<String, Object> input = task.getInputData();
        for (int i = 0; i < arguments.length; i++) {
            switch (sources[i]) {
                case TASK -> arguments[i] = task;
                case CONTEXT -> arguments[i] = context;
                case INPUT_KEY -> arguments[i] = convert(i, input.get(keys[i]));
                case INPUT_KEY_OR_WHOLE_INPUT -> arguments[i] = input.containsKey(keys[i])
                        ? convert(i, input.get(keys[i]))
                        : convert(i, input);
            }
        }
        return arguments;
    }

    private Object convert(int index, Object value) throws InputBindingException {
        JavaType type = types[index];
        if (value == null) {
            if (type.isPrimitive()) {
                throw new InputBindingException("Task '" + taskName + "' has no input '" + keys[index]
                        + "', required by parameter '" + declarations[index] + "' of " + methodDescription);
            }
            return type.getRawClass() == Optional.class ? Optional.empty() : null;
        }
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new InputBindingException("Task '" + taskName + "' input '" + keys[index]
                    + "' cannot be converted to " + type.toCanonical() + " (parameter '" + declarations[index] + "' of "
                    + methodDescription + "): received " + describe(value) + detail(e));
        }
    }

    private String describe(Object value) {
        String text;
        try {
            text = mapper.writeValueAsString(value);
        } catch (Exception e) {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_RECEIVED_VALUE_LENGTH ? text
                : text.substring(0, MAX_RECEIVED_VALUE_LENGTH) + "... (" + text.length() + " characters)";
    }

    /** Jackson's own explanation, which names the offending field of a nested object, without its source excerpt. */
    private static String detail(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            String message = mapping.getOriginalMessage();
            int lineEnd = message.indexOf('\n');
            String first = lineEnd < 0 ? message : message.substring(0, lineEnd);
            String path = mapping.getPath().isEmpty() ? "" : " at " + mapping.getPathReference();
            return " [" + first + path + "]";
        }
        return "";
    }
}
