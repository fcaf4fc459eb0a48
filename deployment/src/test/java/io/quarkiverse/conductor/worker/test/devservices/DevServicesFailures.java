package io.quarkiverse.conductor.worker.test.devservices;

/** The messages of a start-up failure and its causes, one per line: Quarkus wraps what Dev Services throw. */
final class DevServicesFailures {

    private DevServicesFailures() {
    }

    static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
