package io.quarkiverse.conductor.worker.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Domains and paused workers taken from the packaged application's configuration at run time.
 */
@QuarkusIntegrationTest
class WorkerRoutingIT extends WorkerRoutingTest {
}
