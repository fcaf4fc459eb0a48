package io.quarkiverse.conductor.worker.runtime.definitions;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A definition as the application wants it on the server.
 *
 * @param kind task or workflow definition
 * @param version the workflow's version; 0 for a task definition
 * @param json the definition, in Conductor's JSON
 * @param ownedFields the fields of a task definition the application decides: they are compared with the server's and
 *        set on update, the others are left as the server has them. For a workflow definition, {@code null}: the file is
 *        the whole definition.
 * @param origin where it comes from, for messages: a worker method or a file
 */
public record DesiredDefinition(DefinitionFile.Kind kind, String name, int version, ObjectNode json,
        Set<String> ownedFields, String origin) {

    /** {@code task definition 'greetings'} or {@code workflow definition 'order' version 2}. */
    public String describe() {
        return kind == DefinitionFile.Kind.TASK ? "task definition '" + name + "'"
                : "workflow definition '" + name + "' version " + version;
    }
}
