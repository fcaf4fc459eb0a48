package io.quarkiverse.conductor.worker.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class AccessTokenTest {

    /** A token endpoint that answers when told to, counting the requests. */
    static final class TokenEndpoint implements AccessToken.Endpoint {
        final AtomicInteger requests = new AtomicInteger();
        final List<UniEmitter<? super ConductorHttp.Answer>> pending = new ArrayList<>();

        @Override
        public synchronized Uni<ConductorHttp.Answer> exchange(byte[] key) {
            requests.incrementAndGet();
            return Uni.createFrom().emitter(emitter -> {
                synchronized (this) {
                    pending.add(emitter);
                }
            });
        }

        synchronized void answer(int status, String body) {
            for (UniEmitter<? super ConductorHttp.Answer> emitter : pending) {
                emitter.complete(new ConductorHttp.Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
            }
            pending.clear();
        }
    }

    /** Runs the retries a test asks for, when it asks. */
    static final class ManualScheduler implements AccessToken.Scheduler {
        final List<Runnable> later = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public synchronized void later(long delayMillis, Runnable action) {
            delays.add(delayMillis);
            later.add(action);
        }

        synchronized void runAll() {
            List<Runnable> due = new ArrayList<>(later);
            later.clear();
            due.forEach(Runnable::run);
        }
    }

    private final TokenEndpoint endpoint = new TokenEndpoint();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AccessToken token = new AccessToken(endpoint, "key", "secret", scheduler, failures -> 100L * failures);

    @Test
    void manyRefusalsAtOnceRenewTheTokenOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 64; i++) {
            threads.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                token.renewUnlessNewerThan(null);
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(endpoint.requests).hasValue(1);
        endpoint.answer(200, "{\"token\": \"fresh\"}");
        assertThat(token.current()).isEqualTo("fresh");

        // the renewal is over: the next refusal of the fresh token renews it again, a refusal of an older one does not
        token.renewUnlessNewerThan("stale");
        assertThat(endpoint.requests).hasValue(1);
        token.renewUnlessNewerThan("fresh");
        assertThat(endpoint.requests).hasValue(2);
    }

    @Test
    void failedRenewalIsTriedAgainWithBackOffUntilItWorks() {
        token.renewInBackground();
        endpoint.answer(503, "{\"message\": \"down\"}");
        assertThat(token.current()).isNull();
        // a refusal meanwhile starts no second renewal: the retry is on its way
        token.renewUnlessNewerThan(null);
        assertThat(endpoint.requests).hasValue(1);

        scheduler.runAll();
        endpoint.answer(500, "oops");
        scheduler.runAll();
        endpoint.answer(200, "{\"token\": \"at-last\"}");

        assertThat(endpoint.requests).hasValue(3);
        assertThat(scheduler.delays).containsExactly(100L, 200L);
        assertThat(token.current()).isEqualTo("at-last");
    }

    @Test
    void answerWithoutATokenIsAFailureThatDoesNotQuoteIt() {
        token.renewInBackground();
        endpoint.answer(200, "{\"tok\": \"secret-looking\"}");

        assertThat(token.current()).isNull();
        assertThat(scheduler.later).hasSize(1);
    }
}
