package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;

import org.jboss.logging.Logger;

import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.tls.runtime.config.TlsConfigUtils;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.tracing.TracingPolicy;

/**
 * HTTP to the Conductor task API on Vert.x's client: a request, its answer, and nothing in between. The registration of
 * the definitions at start-up goes the same way, on the same connection: no second client to build before the first poll.
 * <p>
 * The task API is the workers' hot path: a poll per batch and an update per task, thousands a second against a fast
 * server. Each one through the REST client's handler chain cost several times the request itself, and in a backlog,
 * where a worker runs at the server's pace, that code was compiled late and ran slow for a long time. Here a request is
 * a few objects on the event loop. TLS and the proxy still come from Quarkus' registries ({@link TlsConfigUtils}).
 */
final class ConductorHttp {

    private static final Logger LOG = Logger.getLogger(ConductorHttp.class);

    /** What the server answered: the status, the content type, and the body, read whole. */
    record Answer(int status, String contentType, byte[] body) {

        boolean isSuccessful() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client;
    /** Where a request made outside of Vert.x (at start-up, say) is sent from: the event loop's root context. */
    private final Context context;
    private final String basePath;
    private final long readTimeoutMillis;
    private final AccessToken token;
    private final String basicAuthorization;

    /**
     * @param token the access token to send, or {@code null} when the server needs none
     */
    ConductorHttp(Vertx vertx, URI serverUrl, ClientOptions options, AccessToken token) {
        boolean https = "https".equals(serverUrl.getScheme());
        HttpClientOptions http = new HttpClientOptions()
                .setDefaultHost(serverUrl.getHost())
                .setDefaultPort(serverUrl.getPort() != -1 ? serverUrl.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                // reused connections: polls every few seconds would otherwise pay a connection (and a TLS handshake) each
                .setKeepAlive(true)
                .setKeepAliveTimeout(options.keepAliveSeconds())
                // no span per poll, which would fill the traces with the polls of idle workers: the span of a task
                // covers its result's delivery (it ends once the server has taken it)
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setName("conductor-task-api");
        if (https) {
            http.setVerifyHost(true);
            options.tls().ifPresent(tls -> TlsConfigUtils.configure(http, tls));
        }
        options.proxy().filter(proxy -> !"none".equals(proxy.host())).ifPresent(proxy -> configure(http, proxy));
        this.client = vertx.httpClientBuilder().with(http)
                // the builder takes the pool size from here only, not from the HttpClientOptions
                .with(new PoolOptions().setHttp1MaxSize(options.connectionPoolSize()))
                // a failure on a connection fails its request, which is sorted and reported once for all; without a
                // handler, Vert.x logs an ERROR per connection (a server refusing the client certificate gave one per
                // retry, the handshake having completed on this side)
                .withConnectHandler(connection -> connection.exceptionHandler(failure -> LOG.debugf(
                        "Connection to the Conductor server failed: %s", TaskApiClient.describe(failure))))
                .build();
        // the root context: built on a request's duplicated context, the client must not hand that one to later requests
        this.context = ((ContextInternal) vertx.getOrCreateContext()).unwrap();
        String path = serverUrl.getRawPath();
        this.basePath = path == null || path.equals("/") ? "" : path;
        this.readTimeoutMillis = options.readTimeout().toMillis();
        this.token = token;
        this.basicAuthorization = ServerUrl.basicAuthorization(serverUrl);
    }

    private static void configure(HttpClientOptions http, ProxyConfiguration proxy) {
        ProxyOptions options = new ProxyOptions().setHost(proxy.host()).setPort(proxy.port())
                .setType(switch (proxy.type()) {
                    case HTTP -> ProxyType.HTTP;
                    case SOCKS4 -> ProxyType.SOCKS4;
                    case SOCKS5 -> ProxyType.SOCKS5;
                });
        proxy.username().ifPresent(options::setUsername);
        proxy.password().ifPresent(options::setPassword);
        proxy.proxyConnectTimeout().ifPresent(timeout -> options.setConnectTimeout(timeout));
        http.setProxyOptions(options);
        proxy.nonProxyHosts().ifPresent(http::setNonProxyHosts);
    }

    Future<Answer> get(String path) {
        return send(HttpMethod.GET, path, null, (Buffer) null);
    }

    Future<Answer> post(String path, String contentType, byte[] body) {
        return send(HttpMethod.POST, path, contentType, Buffer.buffer(body));
    }

    /** {@code body} of {@code contentType}, or no body when both are {@code null}. */
    Future<Answer> send(HttpMethod method, String path, String contentType, byte[] body) {
        return send(method, path, contentType, body == null ? null : Buffer.buffer(body));
    }

    private Future<Answer> send(HttpMethod method, String path, String contentType, Buffer body) {
        if (Context.isOnEventLoopThread()) {
            return exchange(method, path, contentType, body);
        }
        // Another thread (the start-up's, a blocking worker's) builds the chain below while the event loop runs the
        // exchange: when it stalls after the request is written (the first request of an application, loading classes)
        // and the answer comes in before the body is asked for, what came is dropped and the body reads empty (two
        // first polls' tasks were lost so, in one run of the tests). Built in a task of the context, nothing of the
        // answer is handled before the chain is complete. The current context, when there is one, is the task's own
        // (its MDC, for what the answer's handling logs).
        Context current = Vertx.currentContext();
        Promise<Answer> answer = Promise.promise();
        (current != null ? current : context).runOnContext(ignored -> {
            try {
                exchange(method, path, contentType, body).onComplete(answer);
            } catch (RuntimeException e) {
                // a closed client throws: the caller gets the failure, not a future that never completes
                answer.tryFail(e);
            }
        });
        return answer.future();
    }

    private Future<Answer> exchange(HttpMethod method, String path, String contentType, Buffer body) {
        RequestOptions request = new RequestOptions().setMethod(method).setURI(basePath + path)
                // the longest silence allowed before the answer ends: a held long poll is silent until it answers
                .setTimeout(readTimeoutMillis);
        if (contentType != null) {
            request.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (basicAuthorization != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION, basicAuthorization);
        }
        String current = token == null ? null : token.current();
        if (current != null) {
            request.putHeader(AccessTokenFilter.HEADER, current);
        }
        long sent = LOG.isDebugEnabled() ? System.nanoTime() : 0;
        return client.request(request)
                .compose(outgoing -> body == null ? outgoing.send() : outgoing.send(body))
                .compose(response -> response.body().map(bytes -> {
                    int status = response.statusCode();
                    if ((status == 401 || status == 403) && token != null) {
                        // several requests may carry the same expired token: the first refusal renews it
                        token.renewUnlessNewerThan(current);
                    }
                    if (sent != 0) {
                        // never the headers: the access token and the URL's credentials are among them
                        LOG.debugf("%s %s: HTTP %d, %d bytes, %d ms", method, request.getURI(), status, bytes.length(),
                                (System.nanoTime() - sent) / 1_000_000);
                    }
                    return new Answer(status, response.getHeader(HttpHeaders.CONTENT_TYPE), bytes.getBytes());
                }));
    }

    void close() {
        client.close();
    }
}
