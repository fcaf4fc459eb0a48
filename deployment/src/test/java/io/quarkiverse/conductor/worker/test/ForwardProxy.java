package io.quarkiverse.conductor.worker.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;

/**
 * An HTTP forward proxy between the extension and a stand-in server, as a company network puts one: it forwards
 * plain HTTP requests (absolute URIs) and tunnels {@code CONNECT} for HTTPS, requires Basic credentials when given
 * some ({@code 407} otherwise), and notes what it saw.
 * <p>
 * Plain HTTP requests all go to {@code localhost:<upstream port>}, whatever host they name: the proxy stands in for
 * the company's DNS too, so that a server URL with a name only the proxy knows proves that requests went through it.
 * <p>
 * A {@code QuarkusUnitTest} class is initialized by two class loaders: one proxy runs per name and JVM, and what it saw
 * is kept in JDK types in the system properties, where the test's application (the other class loader) reads it.
 */
public final class ForwardProxy {

    private static final String PREFIX = "conductor.test.proxy.";

    private ForwardProxy() {
    }

    /**
     * Starts the proxy called {@code name} unless it runs already; returns its port.
     *
     * @param username the user it requires, {@code null} for none
     */
    public static int start(String name, String username, String password, int upstreamPort) {
        synchronized (System.getProperties()) {
            Map<String, Object> state = state(name);
            if (state != null) {
                return (Integer) state.get("port");
            }
            state = new ConcurrentHashMap<>();
            List<String> requests = new CopyOnWriteArrayList<>();
            List<String> credentials = new CopyOnWriteArrayList<>();
            AtomicInteger open = new AtomicInteger();
            AtomicInteger mostOpen = new AtomicInteger();
            String expected = username == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                            .getBytes(StandardCharsets.UTF_8));
            Vertx vertx = Vertx.vertx();
            HttpClient upstream = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(100));
            NetClient tunnels = vertx.createNetClient();
            Set<Object> connections = ConcurrentHashMap.newKeySet();
            try {
                int port = vertx.createHttpServer()
                        .connectionHandler(connection -> {
                            connections.add(connection);
                            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                            connection.closeHandler(closed -> {
                                if (connections.remove(connection)) {
                                    open.decrementAndGet();
                                }
                            });
                        })
                        .requestHandler(request -> {
                            String authorization = request.getHeader("Proxy-Authorization");
                            requests.add(request.method() + " " + request.uri());
                            credentials.add(String.valueOf(authorization));
                            if (expected != null && !expected.equals(authorization)) {
                                request.response().setStatusCode(407)
                                        .putHeader("Proxy-Authenticate", "Basic realm=\"test\"").end();
                            } else if (request.method() == HttpMethod.CONNECT) {
                                tunnel(request, tunnels);
                            } else {
                                forward(request, upstream, upstreamPort);
                            }
                        })
                        .listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                        .actualPort();
                Runtime.getRuntime().addShutdownHook(new Thread(vertx::close));
                state.put("port", port);
                state.put("requests", requests);
                state.put("credentials", credentials);
                state.put("open", open);
                state.put("mostOpen", mostOpen);
                System.getProperties().put(PREFIX + name, state);
                return port;
            } catch (Exception e) {
                vertx.close();
                throw new IllegalStateException("The test proxy " + name + " did not start", e);
            }
        }
    }

    /** Each request the proxy got, as {@code METHOD uri}: {@code GET http://host:80/api/...}, {@code CONNECT host:443}. */
    @SuppressWarnings("unchecked")
    public static List<String> requests(String name) {
        return List.copyOf((List<String>) state(name).get("requests"));
    }

    /** The {@code Proxy-Authorization} header of each request, {@code "null"} when it had none. */
    @SuppressWarnings("unchecked")
    public static List<String> credentials(String name) {
        return List.copyOf((List<String>) state(name).get("credentials"));
    }

    /** Connections from clients open now. */
    public static int openConnections(String name) {
        return ((AtomicInteger) state(name).get("open")).get();
    }

    /** The most connections from clients that were open at once. */
    public static int mostOpenConnections(String name) {
        return ((AtomicInteger) state(name).get("mostOpen")).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(String name) {
        return (Map<String, Object>) System.getProperties().get(PREFIX + name);
    }

    private static void forward(HttpServerRequest request, HttpClient upstream, int upstreamPort) {
        URI target = URI.create(request.uri());
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("localhost")
                .setPort(upstreamPort)
                .setURI(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        request.headers().forEach((header, value) -> {
            if (!header.toLowerCase(Locale.ROOT).startsWith("proxy-") && !header.equalsIgnoreCase("Connection")) {
                options.addHeader(header, value);
            }
        });
        request.body()
                .compose(body -> upstream.request(options).compose(outgoing -> outgoing.send(body)))
                .compose(response -> response.body().compose(body -> {
                    request.response().setStatusCode(response.statusCode());
                    response.headers().forEach((header, value) -> {
                        if (!header.equalsIgnoreCase("Connection") && !header.equalsIgnoreCase("Transfer-Encoding")) {
                            request.response().putHeader(header, value);
                        }
                    });
                    return request.response().end(body);
                }))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    private static void tunnel(HttpServerRequest request, NetClient tunnels) {
        String authority = request.uri();
        int colon = authority.lastIndexOf(':');
        tunnels.connect(Integer.parseInt(authority.substring(colon + 1)), authority.substring(0, colon))
                .onSuccess(server -> request.toNetSocket().onSuccess(client -> {
                    client.pipeTo(server);
                    server.pipeTo(client);
                }).onFailure(failure -> server.close()))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }
}
