package io.kirincontract.mock.http.internal;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * What Jetty does before a request reaches Javalin (and what it no longer does: Javalin's request statistics, which
 * nothing reads): the error envelope for its own errors ({@link JettyErrors}), and bodies read without a thread
 * ({@link BodyFirst}): a request is handed to a handler thread only once its body has
 * arrived (up to {@link #EAGER_BYTES}), so clients that send their bodies slowly, or stop, hold connections but no
 * threads; a body over the limit, or one that would pass the {@link RequestBudget} of bytes in flight, is refused at
 * once.
 */
final class JettyHandlers {

  /**
   * Bodies up to this size (every request but those with images in base64) are read before a thread takes the
   * request; the rest of a larger body is read by the thread. It bounds the buffers a slow client can hold.
   */
  static final long EAGER_BYTES = 64 * 1024;

  private JettyHandlers() {}

  /**
   * With {@code refusals} told of each request refused here (the journal records them), and the contract version
   * on Jetty's own error answers.
   */
  static void install(
      Server server,
      long maxBodySize,
      RequestBudget budget,
      BodyFirst.Refusals refusals,
      ContractVersionHeader versionHeader) {
    server.setErrorHandler(new JettyErrors(maxBodySize, versionHeader));
    // Javalin's default server counts every request in a StatisticsHandler that nothing here reads: under load its
    // counters and the event callbacks around each request were about 4% of the CPU a poll takes.
    if (server.getHandler() instanceof StatisticsHandler statistics && statistics.getHandler() == null) {
      server.setHandler((Handler) null);
    }
    server.insertHandler(new EagerContentHandler(new BodyFirst(maxBodySize, EAGER_BYTES, budget, refusals)));
  }
}
