package io.quarkiverse.conductor.worker.it;

import java.util.Map;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The API URL of the Conductor server that Dev Services started, for tests that talk to the server themselves. A
 * {@code @QuarkusIntegrationTest} cannot read the configuration of the application it launched, but a test resource is
 * given the Dev Services properties in both kinds of test; global, so that it changes no test's launch.
 */
@WithTestResource(value = DevServicesServerUrl.class, scope = TestResourceScope.GLOBAL)
public class DevServicesServerUrl implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    private static volatile String api;

    /**
     * @throws IllegalStateException if Dev Services started no server (a server URL is configured, or they are off)
     */
    public static String api() {
        String url = api;
        if (url == null) {
            throw new IllegalStateException("Dev Services started no Conductor server for this test: it needs one, with"
                    + " no quarkus.conductor.server-url set");
        }
        return url;
    }

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        api = context.devServicesProperties().get("quarkus.conductor.server-url");
    }

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
