package io.kirincontract.mock.callbacks;

import java.util.concurrent.CompletableFuture;

/** Sends one attempt of a callback. Implementations never block and never complete exceptionally. */
interface CallbackTransport {

  /** Sends attempt {@code attempt} (1-based) of {@code callback}; the future completes with the result. */
  CompletableFuture<TransportResult> send(PendingCallback callback, int attempt);
}
