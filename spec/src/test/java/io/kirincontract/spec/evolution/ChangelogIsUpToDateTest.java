package io.kirincontract.spec.evolution;

import static org.assertj.core.api.Assertions.fail;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.catalogue.RulesCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@value Changelog#PAGE} is what the released contracts and the spec render. With
 * {@code -Dkirin.changelog.update=true} the test rewrites the page instead.
 */
class ChangelogIsUpToDateTest {

  private static final String UPDATE = "kirin.changelog.update";

  @Test
  void theCommittedChangelogIsWhatTheReleasedContractsAndTheSpecRender() throws IOException {
    Path root = ContractGateTest.root();
    Path page = root.resolve(Changelog.PAGE);
    String rendered = Changelog.render(ReleasedContracts.in(root), KirinSpec.load().yaml());

    if (Boolean.getBoolean(UPDATE)) {
      RulesCatalogue.write(rendered, page);
      return;
    }
    String committed = Files.isRegularFile(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
    if (!committed.replace("\r\n", "\n").equals(rendered)) {
      fail(Changelog.PAGE + " is out of date with spec/kirin-api.yaml and " + ReleasedContracts.DIRECTORY
          + ". Regenerate it from the repository root with:\n  " + Changelog.REGENERATE_COMMAND
          + "\nand commit it. It should read:\n" + rendered);
    }
  }
}
