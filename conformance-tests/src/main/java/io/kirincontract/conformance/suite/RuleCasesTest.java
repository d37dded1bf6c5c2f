package io.kirincontract.conformance.suite;

import static org.junit.jupiter.api.Assertions.fail;

import io.kirincontract.conformance.cases.CaseCoverage;
import io.kirincontract.conformance.cases.CaseFiles;
import io.kirincontract.conformance.cases.CaseNames;
import io.kirincontract.conformance.cases.CaseRunner;
import io.kirincontract.conformance.cases.RuleCase;
import io.kirincontract.conformance.server.Conformance;
import io.kirincontract.conformance.server.ConformanceExtension;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cross-field and media rules of {@code x-kirin-rules}, as data: for each model, the cases of
 * {@code cases/{model}.yaml}, each a dynamic test named {@code {rule id} [{model}] break|pass: {title}}. A rule of
 * the spec without a break and a pass case for one of its models, or a case naming an id the spec does not have,
 * is a failing test named after that id.
 */
@ExtendWith(ConformanceExtension.class)
@DisplayName("rule cases (x-kirin-rules)")
class RuleCasesTest {

  @TestFactory
  @DisplayName("every model's rule cases")
  Stream<DynamicNode> ruleCases(Conformance conformance) {
    Map<String, CaseFiles.CaseFile> files = CaseFiles.loadAll(conformance.spec());
    CaseRunner runner = new CaseRunner(conformance);
    List<DynamicNode> models = new ArrayList<>();
    for (String model : conformance.spec().modelIds()) {
      if (!conformance.settings().includes(model)) {
        continue;
      }
      List<DynamicNode> tests = new ArrayList<>();
      if (!files.containsKey(model)) {
        models.add(DynamicContainer.dynamicContainer(model, tests));
        continue;
      }
      tests.add(DynamicTest.dynamicTest(
          "base request of cases/" + model + ".yaml is accepted",
          () -> runner.accepts(model, files.get(model).base())));
      for (RuleCase c : files.containsKey(model) ? files.get(model).cases() : List.<RuleCase>of()) {
        if (conformance.spec().rule(c.rule()).isEmpty()) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(c.displayName(), () -> runner.run(c)));
        RuleDef rule = conformance.spec().rule(c.rule()).get();
        if (c.kind() == RuleCase.Kind.BREAK && rule.mode() != RuleDef.Mode.DEFAULT
            && (rule.mode() == RuleDef.Mode.STRICT || conformance.inProcess())) {
          String title = c.title() + (rule.mode() == RuleDef.Mode.STRICT
              ? " (default policy: accepted with a warning)" : " (no library: any id accepted)");
          tests.add(DynamicTest.dynamicTest(
              CaseNames.of(c.rule(), c.model(), "default", title), () -> runner.runLenient(c)));
        }
      }
      models.add(DynamicContainer.dynamicContainer(model, tests));
    }
    for (CaseCoverage.Gap gap : CaseCoverage.gaps(conformance.spec(), files)) {
      if (!conformance.settings().includes(gap.model())) {
        continue;
      }
      models.add(DynamicTest.dynamicTest(
          CaseNames.of(gap.rule(), gap.model(), "missing", gap.problem()),
          () -> fail("rule " + gap.rule() + " [" + gap.model() + "]: " + gap.problem())));
    }
    return models.stream();
  }
}
