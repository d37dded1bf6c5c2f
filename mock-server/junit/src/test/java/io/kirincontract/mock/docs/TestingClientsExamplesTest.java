package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/testing-clients.md} shows what the build runs: each Java block is a class of {@code org.example} in the
 * test sources, or a region of one between {@code // testing-clients:begin NAME} and {@code // testing-clients:end};
 * the classes are compiled and their tests run with the others.
 */
class TestingClientsExamplesTest {

  private static final Path PAGE = MarkdownBlocks.DOCS.resolve("testing-clients.md");
  private static final Path EXAMPLES = Path.of("src", "test", "java", "org", "example");

  @Test
  void everyJavaBlockIsAnExampleTheBuildRunsAndEveryExampleIsOnThePage() throws IOException {
    List<String> blocks = MarkdownBlocks.of(PAGE, "java").stream().map(MarkdownBlocks::dedent).toList();

    assertThat(blocks).isNotEmpty().containsExactlyInAnyOrderElementsOf(examples());
  }

  private static List<String> examples() throws IOException {
    List<String> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String source = Files.readString(file);
        Matcher region =
            Pattern.compile("(?s)// testing-clients:begin \\w+\\n(.*?)\\n\\s*// testing-clients:end").matcher(source);
        boolean marked = false;
        while (region.find()) {
          examples.add(MarkdownBlocks.dedent(region.group(1)));
          marked = true;
        }
        if (!marked) {
          examples.add(source.strip());
        }
      }
    }
    return examples;
  }
}
