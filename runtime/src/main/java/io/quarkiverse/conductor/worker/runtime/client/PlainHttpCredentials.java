package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Warns, once at start-up, when credentials would cross a network in clear: an access key or the URL's user info with
 * an {@code http://} server URL that is not this machine. A warning, not a refusal: a sidecar or a private network may
 * be trusted, and the operator decides.
 */
final class PlainHttpCredentials {

    private static final Logger LOG = Logger.getLogger(PlainHttpCredentials.class);

    private PlainHttpCredentials() {
    }

    /** @return the warning logged, or {@code null} when there was nothing to warn about */
    static String warnIfExposed(URI serverUrl, boolean accessKey) {
        String warning = warning(serverUrl, accessKey);
        if (warning != null) {
            LOG.warn(warning);
        }
        return warning;
    }

    static String warning(URI serverUrl, boolean accessKey) {
        if (!"http".equals(serverUrl.getScheme()) || ServerUrl.isLoopback(serverUrl)) {
            return null;
        }
        List<String> sent = new ArrayList<>(2);
        if (accessKey) {
            sent.add("the application access key's secret (when it is exchanged for a token) and the token every"
                    + " request carries");
        }
        if (serverUrl.getRawUserInfo() != null) {
            sent.add("the user and password of the server URL");
        }
        if (sent.isEmpty()) {
            return null;
        }
        return "The Conductor server URL " + ServerUrl.forLogs(serverUrl.toString()) + " is plain HTTP: "
                + String.join(", and ", sent) + " cross the network unencrypted, for anyone on the way to read. Use an"
                + " https:// URL in " + ServerUrl.PROPERTY + " (or " + ServerUrl.ENVIRONMENT_VARIABLE + ")";
    }
}
