package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.fail;

import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed {@value RulesCatalogue#PAGE} is exactly what the spec renders, so the page cannot drift from the
 * spec. With {@code -Dkirin.catalogue.update=true} the test rewrites the page instead.
 */
class RulesCatalogueIsUpToDateTest {

  /** The repository root, set by the spec pom to {@code ${maven.multiModuleProjectDirectory}}. */
  private static final String PROJECT_DIR = "kirin.project.dir";

  private static final String UPDATE = "kirin.catalogue.update";
  private static final int SHOWN = 160;

  @Test
  void theCommittedCatalogueIsWhatTheSpecRenders() throws IOException {
    Path page = RulesCatalogue.repoRoot(Path.of(System.getProperty(PROJECT_DIR, ""))).resolve(RulesCatalogue.PAGE);
    String rendered = RulesCatalogue.render(KirinSpec.load());

    if (Boolean.getBoolean(UPDATE)) {
      RulesCatalogue.write(rendered, page);
      return;
    }
    if (!Files.isRegularFile(page)) {
      fail(page + " is missing. Generate it from the repository root with:\n  " + RulesCatalogue.REGENERATE_COMMAND);
    }
    String committed = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!committed.equals(rendered)) {
      fail(
          RulesCatalogue.PAGE
              + " is out of date with spec/kirin-api.yaml ("
              + firstDifference(committed, rendered)
              + "). Regenerate it from the repository root with:\n  "
              + RulesCatalogue.REGENERATE_COMMAND
              + "\nand commit it.");
    }
  }

  private static String firstDifference(String committed, String rendered) {
    List<String> was = committed.lines().toList();
    List<String> is = rendered.lines().toList();
    for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
      String before = i < was.size() ? was.get(i) : "<end of file>";
      String after = i < is.size() ? is.get(i) : "<end of file>";
      if (!before.equals(after)) {
        return "first difference at line " + (i + 1) + ": committed \"" + cut(before) + "\", spec gives \""
            + cut(after) + "\"";
      }
    }
    return "the line ends differ";
  }

  private static String cut(String line) {
    return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...";
  }
}
