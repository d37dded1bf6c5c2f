package io.kirincontract.conformance.cases;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.conformance.http.Answer;
import io.kirincontract.conformance.http.KirinApi;
import io.kirincontract.conformance.server.Conformance;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one rule case: picks the server the rule's mode needs, sends the request and checks the answer against
 * the case and the spec's rule. Every failure message starts with the rule id.
 */
public final class CaseRunner {

  private final Conformance conformance;

  public CaseRunner(Conformance conformance) {
    this.conformance = conformance;
  }

  public void run(RuleCase c) {
    RuleDef rule = conformance.spec().rule(c.rule()).orElseThrow();
    KirinApi api = server(rule);
    Answer answer = send(api, c.request());
    boolean rejected = c.kind() == RuleCase.Kind.BREAK && rule.effect() == RuleDef.Effect.REJECT;
    int status = c.expect().status().orElse(rejected ? rule.status() : 200);
    List<String> problems = new ArrayList<>();
    if (answer.status() != status) {
      problems.add("status " + answer.status() + ", expected " + status);
    }
    if (status >= 400 && answer.status() == status) {
      String code = c.expect().code().orElse(rule.code());
      expectEqual(problems, "error.code", answer.errorCode(), code);
      expectEqual(problems, "error.rule", answer.errorRule(), rule.id());
      c.expect().param().ifPresent(param -> expectEqual(problems, "error.param", answer.errorParam(), param));
    }
    if (status == 200 && answer.status() == 200) {
      checkIgnored(problems, c.expect(), answer);
      if (c.kind() == RuleCase.Kind.PASS && answer.warningRules().contains(rule.id())) {
        problems.add("metadata.warnings names the rule although the request is at its passing edge");
      }
    }
    report(c, problems, answer);
  }

  /** The base request of a case file breaks no rule: the server accepts it. */
  public void accepts(String model, JsonNode request) {
    Answer answer = send(conformance.api(), request);
    if (answer.status() != 200) {
      fail("the base request of cases/" + model + ".yaml is refused: " + answer.describe());
    }
  }

  /**
   * The default-policy side of a {@code mode: strict} rule: the breaking request is accepted with a warning naming
   * the rule. Of a {@code mode: library} rule: without a library any element id is accepted.
   */
  public void runLenient(RuleCase c) {
    RuleDef rule = conformance.spec().rule(c.rule()).orElseThrow();
    Answer answer = send(conformance.api(), c.request());
    List<String> problems = new ArrayList<>();
    if (answer.status() != 200) {
      problems.add("status " + answer.status() + ", expected 200 from a server in its default configuration");
    } else if (rule.mode() == RuleDef.Mode.STRICT && !answer.warningRules().contains(rule.id())) {
      problems.add("metadata.warnings does not name the rule (warnings: " + answer.warningRules() + ")");
    }
    report(c, problems, answer);
  }

  private KirinApi server(RuleDef rule) {
    return switch (rule.mode()) {
      case DEFAULT -> conformance.api();
      case STRICT -> {
        Optional<KirinApi> strict = conformance.strict();
        Assumptions.assumeTrue(
            strict.isPresent(),
            rule.id() + " is a mode: strict rule: it needs a server in strict media policy. The in-process mock"
                + " starts one; against a foreign server give its URL with -Dkirin.strictBaseUrl");
        yield strict.get();
      }
      case LIBRARY -> {
        Optional<KirinApi> library = conformance.withLibrary();
        Assumptions.assumeTrue(
            library.isPresent(),
            rule.id() + " is a mode: library rule: it needs a server configured with a known subject library,"
                + " which only the in-process mock can be given");
        yield library.get();
      }
    };
  }

  private Answer send(KirinApi api, JsonNode request) {
    JsonNode body = conformance.fixtures().resolve(request);
    return Answer.of(api.create(body.toString()));
  }

  private static void checkIgnored(List<String> problems, RuleCase.Expect expect, Answer answer) {
    List<String> ignored = answer.ignoredParams();
    for (String param : expect.ignored()) {
      if (!ignored.contains(param)) {
        problems.add("metadata.ignored_params " + ignored + " does not list " + param);
      }
    }
    for (String param : expect.notIgnored()) {
      if (ignored.contains(param)) {
        problems.add("metadata.ignored_params " + ignored + " lists " + param + ", which is used here");
      }
    }
  }

  private static void expectEqual(List<String> problems, String what, Optional<String> actual, String expected) {
    if (!actual.equals(Optional.ofNullable(expected))) {
      problems.add(what + " " + actual.map(v -> "'" + v + "'").orElse("missing") + ", expected '" + expected + "'");
    }
  }

  private static void report(RuleCase c, List<String> problems, Answer answer) {
    if (!problems.isEmpty()) {
      fail(c.rule() + " [" + c.model() + "] " + c.kind().label() + " (" + c.title() + "): "
          + String.join("; ", problems) + "\n  answer: " + answer.describe());
    }
  }
}
