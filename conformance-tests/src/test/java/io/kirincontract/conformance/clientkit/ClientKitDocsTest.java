package io.kirincontract.conformance.clientkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.cli.ConformanceCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/client-kit.md} agrees with the kit: every option of {@code client --help} has a row, every scenario and
 * check is described, and the Java sample is the code {@link KirinClientPassesTheKitTest} runs.
 */
class ClientKitDocsTest {

  private static final Path PAGE = Path.of("..", "docs", "client-kit.md");

  @Test
  void everyOptionOfTheClientSubcommandHasARowInTheOptionsTable() throws IOException {
    String page = Files.readString(PAGE);
    StringWriter help = new StringWriter();
    ConformanceCommand.usage(new PrintWriter(help), "client");
    List<String> options = Pattern.compile("(--[a-z][a-z-]+)").matcher(help.toString()).results()
        .map(match -> match.group(1)).distinct().filter(option -> !option.equals("--help")
            && !option.equals("--version")).toList();

    assertThat(options).contains("--report-dir", "--scenarios", "--run-timeout", "--max-retries");
    assertThat(options).allSatisfy(option -> assertThat(page).contains("\n| `" + option + "` |"));
  }

  @Test
  void everyScenarioAndCheckIsDescribed() throws IOException {
    String page = Files.readString(PAGE);

    assertThat(Arrays.stream(ClientScenario.values()).map(scenario -> "\n| `" + scenario.id() + "` |"))
        .allSatisfy(row -> assertThat(page).contains(row));
    assertThat(Arrays.stream(CheckId.values()).map(check -> "\n### `" + check.id() + "`\n"))
        .allSatisfy(heading -> assertThat(page).contains(heading));
  }

  @Test
  void theJavaSampleIsTheCodeTheKirinClientTestRuns() throws IOException {
    String page = Files.readString(PAGE);
    String test = Files.readString(Path.of("src", "test", "java", "io", "kirincontract", "conformance", "clientkit",
        "KirinClientPassesTheKitTest.java"));
    String sample = test.substring(test.indexOf("// docs:begin\n") + "// docs:begin\n".length(),
        test.indexOf("    // docs:end"));
    String unindented = sample.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .reduce("", (all, line) -> all + line + "\n");

    assertThat(page).contains("```java\n" + unindented + "```");
  }
}
