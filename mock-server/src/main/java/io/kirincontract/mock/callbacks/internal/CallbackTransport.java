package io.kirincontract.mock.callbacks.internal;

import java.util.concurrent.CompletableFuture;

/** Sends one attempt of a callback; {@link HttpCallbackTransport} in production, a fake in tests. */
interface CallbackTransport {

  /**
   * Sends attempt {@code attempt} (1-based) of {@code callback}, signed with {@code signature} unless it is {@code
   * null}. Never throws and never completes exceptionally.
   */
  CompletableFuture<TransportResult> send(PendingCallback callback, int attempt, String signature);
}
