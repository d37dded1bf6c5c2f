package io.kirincontract.mock.junit;

import io.kirincontract.client.KirinClient;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.lifecycle.ManualClock;
import java.time.Instant;

/** A started mock and the client made for it, owned by the test context that started them. */
final class RunningMock implements AutoCloseable {

  private final String owner;
  private final KirinMockServer server;
  private final KirinClient client;
  private final KirinMockInfo info;
  private final Instant clockStart;
  private CallbackReceiver receiver;

  RunningMock(String owner, KirinMockServer server, KirinClient client, String apiKey) {
    this.owner = owner;
    this.server = server;
    this.client = client;
    this.info = new KirinMockInfo(server.baseUrl(), server.port(), apiKey);
    this.clockStart = server.clock() instanceof ManualClock manual ? manual.instant() : null;
  }

  /** The unique id of the test context that started the mock and stops it. */
  String owner() {
    return owner;
  }

  KirinMockServer server() {
    return server;
  }

  KirinClient client() {
    return client;
  }

  KirinMockInfo info() {
    return info;
  }

  /** The callback receiver of this mock's tests, started on first use. */
  synchronized CallbackReceiver receiver() {
    if (receiver == null) {
      receiver = CallbackReceiver.start();
    }
    return receiver;
  }

  /** Back to a fresh mock: no tasks, rules, callbacks or faults, the configured limits, the clock at its start. */
  void reset() {
    server.admin().reset();
    synchronized (this) {
      if (receiver != null) {
        receiver.reset();
      }
    }
    if (clockStart != null) {
      server.manualClock().resetTo(clockStart);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.close();
      synchronized (this) {
        if (receiver != null) {
          receiver.close();
        }
      }
    }
  }
}
