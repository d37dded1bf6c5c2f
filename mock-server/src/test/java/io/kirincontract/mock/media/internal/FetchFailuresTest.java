package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** The reasons a failed fetch gives, from the errors the HTTP client throws (no network: the tests make no lookup). */
class FetchFailuresTest {

  private static final URI URL = URI.create("http://no-such-host.invalid/a.png");

  @Test
  void aNameThatDoesNotResolveIsReportedAsADnsFailure() {
    IOException thrown = new ConnectException();
    thrown.initCause(new UnresolvedAddressException());

    assertThat(FetchFailures.describe(thrown, URL, Fixtures.settings()))
        .isEqualTo("the host name 'no-such-host.invalid' could not be resolved (DNS)");
  }

  @Test
  void aRefusedConnectionNamesTheHostAndPort() {
    assertThat(FetchFailures.describe(new ConnectException("refused"), URL, Fixtures.settings()))
        .isEqualTo("could not connect to no-such-host.invalid:80 (connection refused or host unreachable)");
  }
}
