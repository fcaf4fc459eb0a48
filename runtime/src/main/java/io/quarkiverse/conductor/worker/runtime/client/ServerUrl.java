package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Where the Conductor server is: {@code quarkus.conductor.server-url}, else the SDKs' {@code CONDUCTOR_SERVER_URL}, else
 * {@code http://localhost:8080/api}.
 */
public final class ServerUrl {

    public static final String PROPERTY = "quarkus.conductor.server-url";
    public static final String ENVIRONMENT_VARIABLE = "CONDUCTOR_SERVER_URL";
    public static final String DEFAULT = "http://localhost:8080/api";

    private ServerUrl() {
    }

    /**
     * @throws ConfigurationException if the URL is not an absolute http(s) URL, naming where it came from
     */
    public static URI resolve(ConductorConfig config) {
        Optional<String> configured = config.serverUrl().filter(url -> !url.isBlank());
        // read through the config so that a system property or .env entry named like the variable counts too
        Optional<String> fromEnvironment = ConfigProvider.getConfig().getOptionalValue(ENVIRONMENT_VARIABLE, String.class)
                .filter(url -> !url.isBlank());
        String source = configured.isPresent() ? PROPERTY
                : fromEnvironment.isPresent() ? "the " + ENVIRONMENT_VARIABLE + " environment variable" : null;
        String url = configured.or(() -> fromEnvironment).orElse(DEFAULT).trim();
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("The Conductor server URL " + forLogs(url) + " set by " + source
                    + " is not valid: " + e.getReason() + "; use a URL such as http://localhost:8080/api");
        }
    }

    /** The URL without user info or query, which may hold credentials. */
    public static String forLogs(String url) {
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException e) {
            int at = url.lastIndexOf('@');
            return "'" + (at < 0 ? url : "..." + url.substring(at)) + "'";
        }
    }
}
