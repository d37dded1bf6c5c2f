package io.kirincontract.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.catalogue.RulesCatalogue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The gate of the build: {@code spec/kirin-api.yaml} against the latest contract in {@code spec/released/}. It
 * fails on a breaking change unless {@code info.version} has a higher major version, naming each change; it
 * lists the compatible ones.
 */
class ContractGateTest {

  private static final String PROJECT_DIR = "kirin.project.dir";

  @Test
  void theSpecKeepsClientsOfTheLatestReleasedContractWorkingOrRaisesTheMajorVersion() {
    ReleasedContracts releases = ReleasedContracts.in(root());
    SemanticVersion latest = releases.latest().orElse(null);
    if (latest == null) {
      fail("no released contract in " + ReleasedContracts.DIRECTORY + "; release one from the repository root with:\n  "
          + ContractRelease.COMMAND);
    }
    KirinSpec spec = KirinSpec.load();

    ContractGate.Verdict verdict =
        ContractGate.check(latest, releases.read(latest), SemanticVersion.parse(spec.version()), spec.yaml());

    System.out.println(verdict.report());
    assertThat(verdict.passes()).as(verdict.report()).isTrue();
  }

  @Test
  void infoVersionIsASemanticVersion() {
    assertThat(SemanticVersion.parse(KirinSpec.load().version()).toString()).isEqualTo(KirinSpec.load().version());
  }

  static Path root() {
    return RulesCatalogue.repoRoot(Path.of(System.getProperty(PROJECT_DIR, "")));
  }
}
