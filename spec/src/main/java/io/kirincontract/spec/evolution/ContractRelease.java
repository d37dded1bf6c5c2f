package io.kirincontract.spec.evolution;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.catalogue.RulesCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The release step: keeps {@code spec/kirin-api.yaml} as {@code spec/released/kirin-api-<info.version>.yaml}
 * (replacing a file of that version) and rewrites {@value Changelog#PAGE}. It refuses a spec that the gate would
 * fail against the highest released version below its own. Run by the spec build with {@code -Dkirin.release=true}.
 */
public final class ContractRelease {

  /** The release step, run from the repository root. */
  public static final String COMMAND = "mvn -B -q -o -pl spec verify -Dkirin.release=true";

  private ContractRelease() {}

  /** Releases the spec of the repository at {@code args[0]} (default: found from the working directory). */
  public static void main(String[] args) throws IOException {
    Path root = RulesCatalogue.repoRoot(Path.of(args.length > 0 ? args[0] : ""));
    String spec = Files.readString(root.resolve("spec/" + KirinSpec.RESOURCE), StandardCharsets.UTF_8);
    Path released = release(root, spec);
    System.out.println("released " + root.relativize(released) + "; rewrote " + Changelog.PAGE);
  }

  /**
   * Releases {@code spec} in the repository at {@code root}.
   *
   * @return the released file
   * @throws IllegalStateException if the spec breaks the highest released version below its own without a new
   *     major version
   */
  public static Path release(Path root, String spec) {
    SemanticVersion version = SemanticVersion.parse(KirinSpec.parse(spec).version());
    ReleasedContracts releases = ReleasedContracts.in(root);
    Optional<SemanticVersion> previous = releases.latestBefore(version);
    if (previous.isPresent()) {
      ContractGate.Verdict verdict = ContractGate.check(previous.get(), releases.read(previous.get()), version, spec);
      if (!verdict.passes()) {
        throw new IllegalStateException("not released: " + verdict.report());
      }
    }
    Path file = releases.release(version, spec);
    RulesCatalogue.write(Changelog.render(releases, spec), root.resolve(Changelog.PAGE));
    return file;
  }
}
