package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A stand-in for the Conductor task API that answers at once from memory, so that a worker's own cost shows: polls
 * get as many tasks as asked (real task JSON, about 2 KB each) until {@code total} were handed out; polls, plain updates
 * ({@code POST /api/tasks}, answered like the server does) and {@code update-v2} (which hands out the next task) are
 * counted.
 */
final class StubTaskServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final String template;
    private final String scheduled = Long.toString(System.currentTimeMillis());
    private final long total;
    private final AtomicLong handedOut = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong updatesV2 = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long warmup;
    private volatile long warmedUpMillis;
    private volatile long firstPollMillis;
    private volatile long lastCompletionMillis;
    private HttpServer server;
    private final int port;

    StubTaskServer(long total) throws IOException {
        this(total, 0);
    }

    /**
     * @param warmup how many of the {@code total} tasks warm the worker's JIT up before the measurement starts
     */
    StubTaskServer(long total, long warmup) throws IOException {
        this.warmup = warmup;
        // a fixed port when asked, to profile by hand
        this.port = Integer.getInteger("stub.port", 0);
        this.total = total;
        try (InputStream in = StubTaskServer.class.getResourceAsStream("/task-template.json")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    int start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/api/tasks/poll/batch/")) {
            polls.incrementAndGet();
            int count = Integer.parseInt(request.getParam("count", "1"));
            long timeout = Long.parseLong(request.getParam("timeout", "0"));
            if (handedOut.get() >= total && timeout > 0) {
                // no task: hold the poll like a server would, then answer that nothing came
                vertx.setTimer(timeout, id -> request.response().putHeader("Content-Type", "application/json").end("[]"));
                return;
            }
            StringBuilder body = new StringBuilder(count * (template.length() + 100)).append('[');
            for (int i = 0; i < count; i++) {
                String task = next();
                if (task == null) {
                    break;
                }
                body.append(i == 0 ? "" : ",").append(task);
            }
            request.response().putHeader("Content-Type", "application/json").end(body.append(']').toString());
        } else if (path.equals("/api/tasks/update-v2")) {
            updatesV2.incrementAndGet();
            request.body().onSuccess(ignored -> {
                completedOne();
                String task = next();
                if (task == null) {
                    request.response().setStatusCode(204).end();
                } else {
                    request.response().putHeader("Content-Type", "application/json").end(task);
                }
            });
        } else if (path.equals("/api/tasks") && request.method().name().equals("POST")) {
            updates.incrementAndGet();
            request.body().onSuccess(ignored -> {
                completedOne();
                request.response().putHeader("Content-Type", "text/plain").end("ok");
            });
        } else if (path.startsWith("/api/metadata/taskdefs/") && request.method().name().equals("GET")) {
            // the definition the harness registers on a real server: an application registering its definitions at
            // start-up finds it, as it would there
            String name = path.substring("/api/metadata/taskdefs/".length());
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"name\": \"" + name + "\", \"retryCount\": 0, \"responseTimeoutSeconds\": 120}");
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private String next() {
        long id = handedOut.incrementAndGet();
        if (id > total) {
            return null;
        }
        if (id == 1) {
            firstPollMillis = System.currentTimeMillis();
        }
        // every task was queued when the stub started, and is handed out now: a backlog, as a server would report it
        return template.replace("@SCHEDULED@", scheduled).replace("@STARTED@", Long.toString(System.currentTimeMillis()))
                .replace("@TASK_ID@", "t-" + id).replace("@WORKFLOW_ID@", "w-" + id).replace("@N@",
                        Long.toString(id));
    }

    private void completedOne() {
        long count = completed.incrementAndGet();
        if (count == warmup) {
            warmedUpMillis = System.currentTimeMillis();
        }
        if (count == total) {
            lastCompletionMillis = System.currentTimeMillis();
            done.countDown();
        }
    }

    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Waits until every task was completed, or no task was for {@code stall}: then the worker lost some. */
    boolean awaitAllOrStall(long stallMillis) throws InterruptedException {
        long last = -1;
        long lastChange = System.currentTimeMillis();
        while (!done.await(200, TimeUnit.MILLISECONDS)) {
            long now = completed.get();
            if (now != last) {
                last = now;
                lastChange = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastChange > stallMillis) {
                return false;
            }
        }
        return true;
    }

    long polls() {
        return polls.get();
    }

    /** Plain updates ({@code POST /api/tasks}) received. */
    long updates() {
        return updates.get();
    }

    /** {@code POST /api/tasks/update-v2} received. */
    long updatesV2() {
        return updatesV2.get();
    }

    long completed() {
        return completed.get();
    }

    /** When the warm-up tasks were all completed: the measurement starts there. */
    long warmedUpMillis() {
        return warmup == 0 ? firstPollMillis : warmedUpMillis;
    }

    long measuredTasks() {
        return total - warmup;
    }

    long firstPollMillis() {
        return firstPollMillis;
    }

    long lastCompletionMillis() {
        return lastCompletionMillis;
    }

    /**
     * Runs the stub alone, to profile a worker against it: {@code StubTaskServer <tasks>}; prints the port, then the
     * throughput once every task was completed.
     */
    public static void main(String[] args) throws Exception {
        try (StubTaskServer stub = new StubTaskServer(Long.parseLong(args[0]))) {
            System.out.println("stub listening on port " + stub.start());
            if (stub.total == 0) {
                // an idle server: report the polls it gets
                while (true) {
                    long before = stub.polls();
                    Thread.sleep(10_000);
                    System.out.printf("%.1f polls/s%n", (stub.polls() - before) / 10.0);
                }
            }
            stub.awaitAll(1, TimeUnit.HOURS);
            long elapsed = stub.lastCompletionMillis() - stub.firstPollMillis();
            System.out.printf("%d tasks in %d ms: %.0f tasks/s%n", stub.total, elapsed, stub.total * 1000.0 / elapsed);
        }
    }

    @Override
    public void close() {
        vertx.close();
    }

}
