package io.quarkiverse.conductor.worker.it.faults;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link FaultProxy} between the workers and the server: the workers reach the server through the proxy
 * configuration {@code faults} of the Quarkus proxy registry, as do the extension's other requests (the definitions
 * registered at start-up, the workflows the tests start), which the proxy lets through untouched.
 */
public class FaultProxyResource implements QuarkusTestResourceLifecycleManager {

    /** The share of poll and result exchanges the proxy breaks. */
    static final double FAULT_RATE = 0.3;

    private FaultProxy proxy;

    @Override
    public Map<String, String> start() {
        proxy = new FaultProxy(FAULT_RATE);
        try {
            int port = proxy.start();
            return Map.of("quarkus.conductor.proxy-configuration-name", "faults",
                    "quarkus.proxy.\"faults\".host", "127.0.0.1",
                    "quarkus.proxy.\"faults\".port", Integer.toString(port));
        } catch (Exception e) {
            throw new IllegalStateException("The fault proxy did not start", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(FaultProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
