package io.quarkiverse.conductor.worker.runtime.client;

import java.time.Duration;

/**
 * The connection pool of the task API's client, as the workers' settings require it.
 *
 * @param size the most connections open at once
 * @param keepAliveTimeout how long a connection may stay idle before it is closed, in whole seconds
 */
public record ConnectionPool(int size, Duration keepAliveTimeout) {
}
