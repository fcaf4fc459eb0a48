package io.quarkiverse.conductor.worker.runtime.client;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Where the Conductor server is: {@code quarkus.conductor.server-url}, else the SDKs' {@code CONDUCTOR_SERVER_URL}, else
 * {@code http://localhost:8080/api}.
 */
public final class ServerUrl {

    public static final String PROPERTY = "quarkus.conductor.server-url";
    public static final String ENVIRONMENT_VARIABLE = "CONDUCTOR_SERVER_URL";
    public static final String DEFAULT = "http://localhost:8080/api";

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private ServerUrl() {
    }

    /**
     * What points the workers at a server: the property, or the variable, and the config source that holds it.
     *
     * @param name {@link #PROPERTY} or {@link #ENVIRONMENT_VARIABLE}
     * @param configSource the name of the config source the value comes from (a file, the environment, Dev Services)
     */
    public record Setting(String name, String value, String configSource) {

        /** Where the URL comes from, for people: the property's config source, or the variable and its source. */
        public String describe() {
            return PROPERTY.equals(name) ? configSource : name + " (" + configSource + ")";
        }

        /** Whether Dev Services set it, for a server they started. */
        public boolean fromDevServices() {
            return PROPERTY.equals(name) && configSource != null && configSource.toLowerCase().contains("devservices");
        }
    }

    /**
     * The property, else the variable, that sets the server URL: the one rule for the workers' clients, the Dev UI and
     * Dev Services (which start a server only when neither is set). Read through the config, so that a system property
     * or a {@code .env} entry named like the variable counts too; a blank value does not count.
     *
     * @return empty when neither is set: the workers use {@link #DEFAULT}
     */
    public static Optional<Setting> setting(Config config) {
        for (String name : List.of(PROPERTY, ENVIRONMENT_VARIABLE)) {
            ConfigValue value = config.getConfigValue(name);
            if (value.getValue() != null && !value.getValue().isBlank()) {
                return Optional.of(new Setting(name, value.getValue(), value.getSourceName()));
            }
        }
        return Optional.empty();
    }

    /**
     * The server URL of the workers, from {@link #setting(Config)}.
     *
     * @throws ConfigurationException if the URL is not an absolute http(s) URL, naming where it came from
     */
    public static URI resolve() {
        Optional<Setting> setting = setting(ConfigProvider.getConfig());
        String url = setting.map(Setting::value).orElse(DEFAULT).trim();
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            String source = setting.map(found -> PROPERTY.equals(found.name()) ? PROPERTY
                    : "the " + ENVIRONMENT_VARIABLE + " environment variable").orElse("the default");
            throw new ConfigurationException("The Conductor server URL " + forLogs(url) + " set by " + source
                    + " is not valid: " + e.getReason() + "; use a URL such as http://localhost:8080/api");
        }
    }

    /**
     * The {@code Authorization} header the user info of {@code url} stands for ({@code https://user:password@host/api},
     * as curl and browsers read it: Basic authentication, for a gateway before the server), or {@code null} when the URL
     * has none. Percent-escapes are decoded, so that a password may hold any character.
     */
    public static String basicAuthorization(URI url) {
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String credentials = colon < 0 ? decode(userInfo) + ":"
                : decode(userInfo.substring(0, colon)) + ":" + decode(userInfo.substring(colon + 1));
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code url} without its user info: where requests go, their credentials going in a header. */
    public static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String authority = url.getRawAuthority();
        return URI.create(url.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    /**
     * Whether requests to {@code url} stay on this machine: {@code localhost} or a loopback address written out. Names
     * are not resolved: another name for this machine counts as remote, which only errs on the side of a warning.
     */
    public static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (host.startsWith("[")) {
            try {
                // an IPv6 literal: parsed, never looked up
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return IPV4_LOOPBACK.matcher(host).matches();
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
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
