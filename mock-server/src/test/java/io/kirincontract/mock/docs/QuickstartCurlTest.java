package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kirincontract.mock.support.MockServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code curl} commands of {@code docs/quickstart.md}, run with {@code bash} as written against a mock with the
 * jar's defaults (only the port differs), and what they print, which the page quotes.
 */
class QuickstartCurlTest {

  @RegisterExtension
  static final MockServerExtension MOCK = MockServerExtension.builder().build();

  private static final Path QUICKSTART = MarkdownBlocks.DOCS.resolve("quickstart.md");
  private static final String DOCUMENTED_BASE = "http://localhost:8080";

  @TempDir Path workDir;

  @BeforeAll
  static void needsBashAndCurl() throws Exception {
    assumeTrue(run(Path.of("."), "command -v curl").exit() == 0, "bash and curl are needed to run the walkthrough");
  }

  @Test
  void theWalkthroughCreatesPollsToCompletedAndDownloadsTheVideo(MockServerExtension.Info mock) throws Exception {
    Output output = run(workDir, block("B=" + DOCUMENTED_BASE).replace(DOCUMENTED_BASE, mock.baseUrl()));

    assertThat(output.exit()).as(output.text()).isZero();
    List<String> lines = output.text().lines().toList();
    assertThat(lines.get(0)).startsWith("{\"status\":\"ok\",\"contract_version\":");
    assertThat(quickstart()).as("the page quotes the health line").contains("`" + lines.get(0) + "`");
    assertThat(lines.get(1)).startsWith("created task_");
    assertThat(lines.get(2)).contains("\"status\":\"completed\"", "\"output\":", "\"usage\":");
    assertThat(lines.get(3)).matches("200 video/mp4 \\d+ bytes");
    assertThat(quickstart()).as("the page quotes the download line").contains(lines.get(3));
    assertThat(Files.size(workDir.resolve("boat.mp4"))).isGreaterThan(100_000);
  }

  @Test
  void theRefusedRequestPrintsTheErrorThePageQuotes(MockServerExtension.Info mock) throws Exception {
    Output output = run(workDir, block("curl -s -X POST " + DOCUMENTED_BASE).replace(DOCUMENTED_BASE, mock.baseUrl()));

    assertThat(output.exit()).isZero();
    assertThat(output.text().strip()).startsWith("{\"error\":{\"code\":\"invalid_parameter\"");
    assertThat(quickstart()).contains("`" + output.text().strip() + "`");
  }

  /** The page's bash block that starts with {@code start}. */
  private static String block(String start) throws IOException {
    return MarkdownBlocks.of(QUICKSTART, "bash").stream()
        .filter(block -> block.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bash block starting with " + start));
  }

  private static String quickstart() throws IOException {
    return Files.readString(QUICKSTART);
  }

  private record Output(int exit, String text) {}

  private static Output run(Path dir, String script) throws IOException, InterruptedException {
    Process bash =
        new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
    bash.getOutputStream().close();
    if (!bash.waitFor(60, TimeUnit.SECONDS)) {
      bash.destroyForcibly();
      throw new AssertionError("the script did not finish within 60 s:\n" + script);
    }
    return new Output(bash.exitValue(), new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
