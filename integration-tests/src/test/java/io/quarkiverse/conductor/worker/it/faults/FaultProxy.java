package io.quarkiverse.conductor.worker.it.faults;

import java.net.URI;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * A flaky network between the workers and the server: an HTTP forward proxy that breaks a share of the poll and result
 * exchanges it carries, in one of three ways, each as likely:
 * <ul>
 * <li>the request is dropped before it reaches the server (the connection is closed);</li>
 * <li>the request is delayed, then goes through;</li>
 * <li>the request reaches the server, which does its work, and the answer is lost on the way back (the connection is
 * closed instead): a poll's tasks were handed out to nobody, a result was taken but not acknowledged.</li>
 * </ul>
 * Everything else goes through untouched. It keeps count of what it did, and of the tasks whose poll answer it lost
 * (only those may wait for their response timeout).
 */
final class FaultProxy implements AutoCloseable {

    enum Exchange {
        POLL,
        UPDATE,
        OTHER
    }

    enum Fault {
        NONE,
        DROPPED,
        DELAYED,
        ANSWER_LOST
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(100));
    private final Random random = new Random(20261130);
    private final double faultRate;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Set<String> strandedByLostPolls = ConcurrentHashMap.newKeySet();
    private final Set<String> unacknowledgedResults = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    FaultProxy(double faultRate) {
        this.faultRate = faultRate;
    }

    int start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        URI target = URI.create(request.uri());
        if (target.getHost() == null) {
            request.response().setStatusCode(400).end("a forward proxy needs absolute URIs");
            return;
        }
        Exchange exchange = exchange(request.method(), target.getPath());
        Fault fault = exchange == Exchange.OTHER ? Fault.NONE : pick();
        count(exchange + " " + fault);
        request.body().onSuccess(body -> {
            switch (fault) {
                case DROPPED -> request.connection().close();
                case DELAYED -> vertx.setTimer(200 + random(1300), id -> forward(request, target, body, exchange, false));
                case ANSWER_LOST -> forward(request, target, body, exchange, true);
                case NONE -> forward(request, target, body, exchange, false);
            }
        });
    }

    private void forward(HttpServerRequest request, URI target, Buffer body, Exchange exchange, boolean loseAnswer) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(target.getHost())
                .setPort(target.getPort()).setURI(target.getRawPath() + (target.getRawQuery() == null ? ""
                        : "?" + target.getRawQuery()));
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Proxy-Connection") && !name.equalsIgnoreCase("Connection")) {
                options.addHeader(name, value);
            }
        });
        client.request(options).compose(upstream -> upstream.send(body)).compose(response -> response.body()
                .map(answer -> {
                    if (loseAnswer) {
                        lost(exchange, body, answer);
                        request.connection().close();
                    } else {
                        request.response().setStatusCode(response.statusCode());
                        response.headers().forEach((name, value) -> {
                            if (!name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                                request.response().putHeader(name, value);
                            }
                        });
                        request.response().end(answer);
                    }
                    return answer;
                })).onFailure(failure -> request.connection().close());
    }

    /** The server did its work; nobody will learn of it. */
    private void lost(Exchange exchange, Buffer request, Buffer answer) {
        try {
            if (exchange == Exchange.POLL && answer.length() > 0) {
                for (JsonNode task : JSON.readTree(answer.getBytes())) {
                    strandedByLostPolls.add(task.path("taskId").asText());
                }
            } else if (exchange == Exchange.UPDATE) {
                unacknowledgedResults.add(JSON.readTree(request.getBytes()).path("taskId").asText());
            }
        } catch (Exception e) {
            count("unreadable " + exchange);
        }
    }

    private static Exchange exchange(HttpMethod method, String path) {
        if (method == HttpMethod.GET && path.contains("/tasks/poll/")) {
            return Exchange.POLL;
        }
        if (method == HttpMethod.POST && path.endsWith("/api/tasks")) {
            return Exchange.UPDATE;
        }
        return Exchange.OTHER;
    }

    private synchronized Fault pick() {
        double draw = random.nextDouble();
        if (draw >= faultRate) {
            return Fault.NONE;
        }
        return Fault.values()[1 + (int) (draw / faultRate * 3)];
    }

    private synchronized int random(int bound) {
        return random.nextInt(bound);
    }

    private void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
    }

    /** How many exchanges of each kind met each fault, as {@code "POLL DROPPED" -> n}. */
    Map<String, Integer> counts() {
        Map<String, Integer> snapshot = new java.util.TreeMap<>();
        counts.forEach((key, value) -> snapshot.put(key, value.get()));
        return snapshot;
    }

    int count(Exchange exchange, Fault fault) {
        AtomicInteger count = counts.get(exchange + " " + fault);
        return count == null ? 0 : count.get();
    }

    /** Tasks the server handed out in a poll answer this proxy lost. */
    Set<String> strandedByLostPolls() {
        return Set.copyOf(strandedByLostPolls);
    }

    /** Tasks whose result the server took, but whose acknowledgement this proxy lost. */
    Set<String> unacknowledgedResults() {
        return Set.copyOf(unacknowledgedResults);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
