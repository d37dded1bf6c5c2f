package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.kirincontract.mock.MockConfig;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.junit.jupiter.api.Test;

/** Jetty's handler chain in front of Javalin: bodies read first, and no per-request statistics nothing reads. */
class JettyHandlersTest {

  @Test
  void javalinsRequestStatisticsAreLeftOutAndTheBodyFirstHandlerIsIn() throws Exception {
    Javalin plain = Javalin.create(config -> config.startup.showJavalinBanner = false).start("127.0.0.1", 0);
    try {
      assertThat(plain.jettyServer().server().getDescendants(StatisticsHandler.class))
          .as("Javalin's default server counts requests (what the mock leaves out)")
          .isNotEmpty();
    } finally {
      plain.stop();
    }

    // started, as Javalin applies its server options on start (no request is sent: the runtime is not wired)
    Javalin app = HttpApp.create(new MockConfig().port(0), new HttpApp.PendingWiring(new MockConfig()));
    app.start();
    try {
      Server server = app.jettyServer().server();
      assertThat(server.getDescendants(StatisticsHandler.class)).isEmpty();
      assertThat(server.getDescendants(EagerContentHandler.class)).hasSize(1);
    } finally {
      app.stop();
    }
  }
}
