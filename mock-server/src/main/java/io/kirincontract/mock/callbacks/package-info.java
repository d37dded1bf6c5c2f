/**
 * Callback delivery: on every status change of a task the mock POSTs the task's JSON to its {@code
 * callback_url}.
 *
 * <p>{@link io.kirincontract.mock.callbacks.internal.CallbackDispatcher} is the entry point. It never blocks its
 * caller, delivers on its own executors with one shared {@link java.net.http.HttpClient}, retries with
 * exponential backoff and seeded jitter ({@link io.kirincontract.mock.callbacks.internal.BackoffSchedule}), keeps the
 * statuses of one task in order, and records every attempt in a bounded {@link
 * io.kirincontract.mock.callbacks.internal.DeliveryLog}. All tuning lives in {@link
 * io.kirincontract.mock.callbacks.CallbackSettings}.
 */
package io.kirincontract.mock.callbacks;

import io.kirincontract.mock.callbacks.internal.BackoffSchedule;
import io.kirincontract.mock.callbacks.internal.CallbackDispatcher;
