package io.kirincontract.mock.callbacks.internal;

/**
 * A snapshot of a {@link CallbackDispatcher}'s counters. All counts are cumulative since the dispatcher
 * started, except {@code pending} and {@code inFlight}. Every accepted callback ends as exactly one of
 * delivered, given up, blocked or dropped: {@code enqueued == delivered + givenUp + blocked + dropped + pending}.
 *
 * @param enqueued callbacks accepted by {@link CallbackDispatcher#enqueue}
 * @param rejected calls to {@code enqueue} that were refused (after close, or with a missing argument)
 * @param attempts HTTP attempts started
 * @param delivered callbacks answered with 2xx
 * @param retries failed attempts that were followed by a scheduled retry
 * @param givenUp callbacks abandoned after their last failed attempt
 * @param dropped callbacks abandoned unfinished because the dispatcher closed
 * @param blocked callbacks refused by the egress policy, never attempted
 * @param pending callbacks accepted and not yet finished (waiting, in flight, or waiting for a retry)
 * @param inFlight HTTP attempts under way right now
 */
public record CallbackStats(
    long enqueued,
    long rejected,
    long attempts,
    long delivered,
    long retries,
    long givenUp,
    long dropped,
    long pending,
    int inFlight,
    long blocked) {}
