package io.quarkiverse.conductor.worker.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Retries, terminal failures and bad input, as the packaged application (or native executable) reports them: the
 * failure messages come from its own exception mapping and Jackson.
 */
@QuarkusIntegrationTest
class FailureHandlingIT extends FailureHandlingTest {
}
