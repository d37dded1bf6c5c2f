package io.kirincontract.conformance.suite;

import static org.junit.jupiter.api.Assertions.fail;

import io.kirincontract.conformance.cases.CaseRunner;
import io.kirincontract.conformance.cases.RecordedCases;
import io.kirincontract.conformance.cases.RuleCase;
import io.kirincontract.conformance.server.Conformance;
import io.kirincontract.conformance.server.ConformanceExtension;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The case files of {@code --cases DIR} (configuration parameter {@value RecordedCases#DIRECTORY}), such as drifted
 * exchanges the mock's drift watch recorded: each case runs as the suite's own rule cases do. Nothing runs without
 * the parameter.
 */
@ExtendWith({ConformanceExtension.class, RecordedCasesTest.Directory.class})
@DisplayName("recorded cases (--cases)")
class RecordedCasesTest {

  @TestFactory
  @DisplayName("every recorded case")
  Stream<DynamicTest> recordedCases(Conformance conformance, Path directory) {
    if (directory == null) {
      return Stream.empty();
    }
    CaseRunner runner = new CaseRunner(conformance);
    return RecordedCases.load(directory).stream()
        .filter(c -> conformance.settings().includes(c.model()))
        .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
          if (conformance.spec().rule(c.rule()).isEmpty()) {
            fail("the spec has no rule " + c.rule() + " (x-kirin-rules); the case cannot be judged");
          }
          runner.run(c);
        }));
  }

  /** Gives the test the directory named by the configuration parameter, or {@code null}. */
  static final class Directory implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Path.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getConfigurationParameter(RecordedCases.DIRECTORY)
          .or(() -> java.util.Optional.ofNullable(System.getProperty(RecordedCases.DIRECTORY)))
          .filter(value -> !value.isBlank())
          .map(Path::of)
          .orElse(null);
    }
  }
}
