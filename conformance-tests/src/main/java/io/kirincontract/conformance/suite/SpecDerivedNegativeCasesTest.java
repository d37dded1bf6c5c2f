package io.kirincontract.conformance.suite;

import static org.junit.jupiter.api.Assertions.fail;

import io.kirincontract.conformance.http.Answer;
import io.kirincontract.conformance.negative.ExampleMedia;
import io.kirincontract.conformance.negative.NegativeCase;
import io.kirincontract.conformance.negative.NegativeCaseGenerator;
import io.kirincontract.conformance.server.Conformance;
import io.kirincontract.conformance.server.ConformanceExtension;
import io.kirincontract.spec.KirinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Negative cases generated from the JSON Schema of each model's request (see {@link NegativeCaseGenerator}): each
 * breaks one constraint of a valid example and expects {@code 400} with {@code error.param} naming the field, the
 * field's code ({@code x-kirin-error-codes} or {@code invalid_parameter}) and the derived rule id. Each model's
 * example is first checked to be accepted as it is.
 */
@ExtendWith(ConformanceExtension.class)
@DisplayName("spec-derived negative cases (JSON Schema constraints)")
class SpecDerivedNegativeCasesTest {

  @TestFactory
  @DisplayName("every constraint of every request schema")
  Stream<DynamicNode> negativeCases(Conformance conformance) {
    NegativeCaseGenerator generator =
        new NegativeCaseGenerator(conformance.spec(), new ExampleMedia(conformance.fixtures()::videoUrl));
    List<DynamicNode> models = new ArrayList<>();
    for (String model : conformance.spec().modelIds()) {
      if (!conformance.settings().includes(model)) {
        continue;
      }
      List<DynamicNode> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("the spec's example of " + model + " is accepted", () -> {
        Answer answer = Answer.of(conformance.api().create(generator.example(model).toString()));
        if (answer.status() != 200) {
          fail("the spec's first example of " + model + " is refused: " + answer.describe());
        }
      }));
      for (NegativeCase c : generator.generate(model)) {
        tests.add(DynamicTest.dynamicTest(c.displayName(), () -> check(conformance, c)));
      }
      models.add(DynamicContainer.dynamicContainer(model, tests));
    }
    return models.stream();
  }

  private static void check(Conformance conformance, NegativeCase c) {
    Answer answer = Answer.of(conformance.api().create(c.request().toString()));
    List<String> problems = new ArrayList<>();
    if (answer.status() != 400) {
      problems.add("status " + answer.status() + ", expected 400");
    } else {
      expect(problems, "error.code", answer.errorCode(), c.code());
      expect(problems, "error.rule", answer.errorRule(), c.rule());
      Optional<String> field = answer.errorParam().map(KirinSpec::stripIndexes);
      expect(problems, "error.param (without indexes)", field, c.path());
    }
    if (!problems.isEmpty()) {
      fail(c.rule() + " [" + c.model() + "] (" + c.description() + " at " + c.param() + "): "
          + String.join("; ", problems) + "\n  answer: " + answer.describe());
    }
  }

  private static void expect(List<String> problems, String what, Optional<String> actual, String expected) {
    if (!actual.equals(Optional.of(expected))) {
      problems.add(what + " " + actual.map(v -> "'" + v + "'").orElse("missing") + ", expected '" + expected + "'");
    }
  }
}
