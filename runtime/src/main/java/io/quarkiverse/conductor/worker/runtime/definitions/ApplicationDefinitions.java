package io.quarkiverse.conductor.worker.runtime.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The definitions of the application, as found at build time: the task definition each worker declares, and the
 * definition files. Filled once at start-up by {@link DefinitionsRecorder}.
 */
@Singleton
public class ApplicationDefinitions {

    private final List<DeclaredTaskDefinition> workerDefinitions = new ArrayList<>();
    private final List<DefinitionFile> files = new ArrayList<>();

    synchronized void set(List<DeclaredTaskDefinition> workerDefinitions, List<DefinitionFile> files) {
        this.workerDefinitions.clear();
        this.workerDefinitions.addAll(workerDefinitions);
        this.files.clear();
        this.files.addAll(files);
    }

    public synchronized List<DeclaredTaskDefinition> workerDefinitions() {
        return List.copyOf(workerDefinitions);
    }

    /** The definition files: task definitions first, then workflow definitions, each in the order of their names. */
    public synchronized List<DefinitionFile> files() {
        return List.copyOf(files);
    }

    /**
     * What {@code file} defines, without the fields the server sets itself.
     *
     * @throws UncheckedIOException if the resource cannot be read, which a build that checked it makes unlikely
     */
    public static DesiredDefinition read(DefinitionFile file) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(file.getResource())) {
            if (in == null) {
                throw new IOException("not found on the class path");
            }
            JsonNode json = Json.MAPPER.readTree(in);
            if (!(json instanceof ObjectNode definition)) {
                throw new IOException("not a JSON object");
            }
            ObjectNode desired = DefinitionComparison.withoutServerFields(definition);
            return new DesiredDefinition(file.getKind(), file.getName(), file.getVersion(), desired,
                    file.getKind() == DefinitionFile.Kind.TASK ? ownedFields(desired) : null, file.getResource());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Conductor definition " + file.getResource() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A task definition file decides the fields it has; the server keeps its values of the others. */
    private static Set<String> ownedFields(ObjectNode definition) {
        Set<String> fields = new LinkedHashSet<>();
        definition.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /**
     * Conductor's JSON, never the application's mapper: a naming strategy must not rename a definition's fields. Built
     * when a file is first read, not when the application starts.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }
}
