package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.cli.internal.MockServerCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every option of the command line has a row in an option table of the mock's pages. */
class CommandLineDocsTest {

  @Test
  void everyOptionIsInAnOptionTable() throws IOException {
    String tables =
        Files.readString(MarkdownBlocks.DOCS.resolve("mock-server.md"))
            + Files.readString(MarkdownBlocks.DOCS.resolve("mock-lifecycle.md"));
    List<String> options =
        new CommandLine(new MockServerCommand())
            .getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp() && !option.hidden())
                .map(OptionSpec::longestName)
                .toList();

    assertThat(options).hasSizeGreaterThan(10).contains("--idle-timeout");
    assertThat(options)
        .allSatisfy(option -> assertThat(tables).containsPattern("\n\\| `" + Pattern.quote(option) + "[ `]"));
  }
}
