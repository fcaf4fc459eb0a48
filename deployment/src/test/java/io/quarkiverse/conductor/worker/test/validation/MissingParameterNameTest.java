package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A worker class compiled without {@code -parameters} (and without debug information) has no parameter names, so the
 * input keys must be given with {@code @InputParam}.
 */
class MissingParameterNameTest {

    private static final String CLASS_NAME = "org.acme.legacy.LegacyWorker";

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.add(new FileAsset(compileWithoutParameterNames().toFile()),
                    CLASS_NAME.replace('.', '/') + ".class"))
            .assertException(BuildFailure.hasMessage("Parameter 0 of method LegacyWorker#greet(String) has no name in"
                    + " the compiled class, so the input key it binds is unknown: compile with -parameters"
                    + " (maven.compiler.parameters=true) or annotate it with @InputParam(\"key\")"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    private static Path compileWithoutParameterNames() {
        try {
            Path directory = Files.createTempDirectory("legacy-worker");
            Path source = directory.resolve("LegacyWorker.java");
            Files.writeString(source, """
                    package org.acme.legacy;

                    public class LegacyWorker {
                        @io.quarkiverse.conductor.worker.ConductorWorker("legacy")
                        public String greet(String name) {
                            return name;
                        }
                    }
                    """);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, List.of("-g:none", "-proc:none", "-d", directory.toString(),
                    "-classpath", System.getProperty("java.class.path"), source.toString()).toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("javac failed with status " + status);
            }
            return directory.resolve(CLASS_NAME.replace('.', '/') + ".class");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
