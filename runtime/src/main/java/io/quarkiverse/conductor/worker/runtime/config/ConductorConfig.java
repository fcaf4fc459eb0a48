package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the application reaches the Conductor server and how its workers poll it.
 */
@ConfigMapping(prefix = "quarkus.conductor")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ConductorConfig {

    /**
     * The base URL of the Conductor server's REST API, `/api` included, for instance `https://conductor.example.com/api`.
     * <p>
     * When it is not set, the `CONDUCTOR_SERVER_URL` environment variable (the one the Conductor SDKs read) is used, and
     * then `http://localhost:8080/api`. In dev and test mode, when neither is set, Dev Services start a Conductor server
     * and set this property.
     */
    Optional<String> serverUrl();

    /**
     * The name of a proxy configuration of the Quarkus proxy registry (`quarkus.proxy."name".host`, `port`, `username`,
     * `password`, `non-proxy-hosts`, `type`) through which the workers reach the server; `none` for no proxy. When not
     * set, the default proxy configuration (`quarkus.proxy.host`, ...) if there is one, else no proxy.
     */
    Optional<String> proxyConfigurationName();

    /**
     * The name of a TLS configuration of the Quarkus TLS registry (`quarkus.tls."name".trust-store.*` for a private CA,
     * `key-store.*` for a client certificate, `hostname-verification-algorithm`) for an `https` server URL. When not set,
     * the default TLS configuration (`quarkus.tls.*`) if there is one, else the JVM's default trust store.
     */
    Optional<String> tlsConfigurationName();

    /**
     * Authentication with an application access key (Orkes Conductor).
     */
    @ConfigDocSection
    AuthConfig auth();

    /**
     * How long to wait for a connection to the server.
     */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long to wait for the answer to a request once it is sent. It bounds every request, long polls included: an
     * idle worker's long poll is held by the server for up to 5 seconds, so it must be longer than that.
     */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * The most connections open to the server at once. When not set, enough for what the workers may send at once: for
     * every enabled worker, a poll and a result update per slot (`1 + concurrency`), and at least 20 in all, which leaves
     * room for the application's own `TaskClient` calls. Requests beyond it wait for a free connection. It must exceed
     * the long polls the workers keep open together (the sum of their `long-polls`, each capped at the worker's
     * `concurrency`), since each holds its connection for up to 5 seconds: a smaller pool fails the start. The token
     * request uses a small pool of its own.
     */
    @ConfigDocDefault("1 + concurrency per enabled worker, at least 20")
    OptionalInt connectionPoolSize();

    /**
     * How long a connection may stay idle in the pool before it is closed. Keep it shorter than the idle timeout of the
     * server and of every load balancer or proxy in between (often 60 s): a request sent on a connection the other side
     * is closing at that moment fails. Workers polling keep their connections busy; this only closes those a burst of
     * results opened. Whole seconds, at least `1s`.
     */
    @WithDefault("30s")
    Duration keepAliveTimeout();

    /**
     * Settings of every worker; a worker's annotation and its own section under `workers` override them.
     */
    @ConfigDocSection
    WorkerDefaultsConfig worker();

    /**
     * Settings of one worker, by task name: `quarkus.conductor.workers."process_order".concurrency=4`. They override the
     * worker's annotation and the settings under `worker`.
     */
    @ConfigDocMapKey("task-name")
    @ConfigDocSection
    Map<String, WorkerConfig> workers();

    /**
     * How failed requests are retried: polls after an error, and result updates.
     */
    @ConfigDocSection
    RetryConfig retry();

    /**
     * The workers' health checks (with `quarkus-smallrye-health`).
     */
    @ConfigDocSection
    HealthConfig health();

    /**
     * At shutdown, how long tasks already running may take to finish and have their results sent. Polling stops at
     * once; the results of tasks still running after this period are not sent (each one is logged with its task id),
     * and the server hands those tasks out again after their response timeout.
     */
    @WithDefault("30s")
    Duration shutdownGracePeriod();

    /**
     * Registration of the application's task and workflow definitions at start-up.
     */
    @ConfigDocSection
    RegistrationConfig registration();
}
