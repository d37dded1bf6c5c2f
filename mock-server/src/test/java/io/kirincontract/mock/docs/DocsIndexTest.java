package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code docs/README.md} lists every page of {@code docs/}, and the repository's README links the index. */
class DocsIndexTest {

  @Test
  void theIndexLinksEveryDocsPage() throws IOException {
    String index = Files.readString(MarkdownBlocks.DOCS.resolve("README.md"));
    List<String> pages;
    try (Stream<Path> files = Files.list(MarkdownBlocks.DOCS)) {
      pages =
          files.map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".md") && !name.equals("README.md"))
              .toList();
    }

    assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(index).contains("](" + page + ")"));
  }

  @Test
  void theReadmeLinksTheIndexAndTheQuickstart() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme).contains("](docs/README.md)", "](docs/quickstart.md)");
  }
}
