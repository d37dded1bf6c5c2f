package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which URLs the mock may reach under each egress policy, decided from the URL alone. */
class EgressPolicyTest {

  @Test
  void loopbackAllowsLocalhostAndLoopbackLiteralsOnly() {
    EgressPolicy loopback = EgressPolicy.loopback();

    for (String url :
        new String[] {"http://localhost:8080/hook", "http://LOCALHOST./x", "https://127.0.0.1/x",
          "http://127.255.3.4:9/x", "http://[::1]:9000/x", "http://[0:0:0:0:0:0:0:1]/x",
          "http://[::ffff:127.0.0.1]/x"}) {
      assertThat(loopback.allows(URI.create(url))).as(url).isTrue();
    }
    for (String url :
        new String[] {"https://hooks.example.com/kirin", "http://10.0.0.1/x", "http://128.0.0.1/x",
          "http://127.1/x", "http://2130706433/x", "http://0177.0.0.1/x", "http://127.0.0.256/x",
          "http://localhost.example.com/x", "http://[::2]/x", "http://[::ffff:10.0.0.1]/x", "file:///etc/passwd"}) {
      assertThat(loopback.allows(URI.create(url))).as(url).isFalse();
    }
  }

  @Test
  void aNameIsNeverResolvedSoOneThatPointsAtLoopbackIsStillRefused() {
    // localtest.me resolves to 127.0.0.1 in public DNS; the policy must not look it up
    assertThat(EgressPolicy.loopback().refusal(URI.create("http://localtest.me/x")))
        .contains("the egress policy (loopback) does not allow the host 'localtest.me'");
  }

  @Test
  void anAllowListAddsExactHostsAndSuffixPatternsToLoopback() {
    EgressPolicy list = EgressPolicy.parse("hooks.example.com, *.cdn.example ,10.1.2.3,[2001:db8::1]");

    assertThat(list.allows(URI.create("https://HOOKS.example.com/kirin"))).isTrue();
    assertThat(list.allows(URI.create("https://a.cdn.example/x"))).isTrue();
    assertThat(list.allows(URI.create("https://a.b.cdn.example/x"))).isTrue();
    assertThat(list.allows(URI.create("http://10.1.2.3/x"))).isTrue();
    assertThat(list.allows(URI.create("http://[2001:db8::1]:8080/x"))).isTrue();
    assertThat(list.allows(URI.create("http://127.0.0.1:1/x"))).as("loopback is always allowed").isTrue();
    assertThat(list.allows(URI.create("https://cdn.example/x"))).as("*.suffix is not the suffix itself").isFalse();
    assertThat(list.allows(URI.create("https://evil-hooks.example.com/x"))).isFalse();
    assertThat(list.allows(URI.create("https://hooks.example.com.evil.test/x"))).isFalse();
    assertThat(list).hasToString("loopback,hooks.example.com,10.1.2.3,[2001:db8::1],*.cdn.example");
  }

  @Test
  void anyAllowsEveryHost() {
    assertThat(EgressPolicy.parse("ANY").allows(URI.create("https://hooks.example.com/kirin"))).isTrue();
    assertThat(EgressPolicy.any()).hasToString("any");
  }

  @Test
  void theCommandLineFormsParseAndMalformedOnesAreRefused() {
    assertThat(EgressPolicy.parse("loopback")).isEqualTo(EgressPolicy.loopback());
    assertThat(EgressPolicy.parse("loopback,")).isEqualTo(EgressPolicy.loopback());
    assertThat(EgressPolicy.parse("any")).isEqualTo(EgressPolicy.any());
    for (String bad : new String[] {"", " ", "any,hooks.example.com", "hooks example", "http://hooks.example.com",
        "hooks.example.com:443", "*", "*.", "-bad.example"}) {
      assertThatThrownBy(() -> EgressPolicy.parse(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aUrlWithoutAHostIsRefusedUnlessEveryHostIsAllowed() {
    assertThat(EgressPolicy.loopback().refusal(URI.create("mailto:ops@example.com")))
        .contains("the egress policy cannot tell where the URL goes: it has no host");
    assertThat(EgressPolicy.any().allows(URI.create("mailto:ops@example.com"))).isTrue();
  }
}
