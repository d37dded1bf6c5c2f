package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Closing a request's connection under it, for the stub faults that leave a client without a (whole) answer. */
final class Connections {

  private Connections() {}

  /** Closes the connection at once: the client sees it end, with whatever was flushed before. */
  static void close(Context ctx) {
    EndPoint endPoint =
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint();
    endPoint.close();
  }
}
