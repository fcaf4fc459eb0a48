package io.quarkiverse.conductor.worker.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The seeds' workflows, run by the workers of the packaged application (of the native executable with
 * {@code -Dnative}): its generated invokers, and what it registered for reflection, read the typed input and write the
 * results.
 */
// tag::twin[]
@QuarkusIntegrationTest
class SeedWorkflowsIT extends SeedWorkflowsTest {
}
// end::twin[]
