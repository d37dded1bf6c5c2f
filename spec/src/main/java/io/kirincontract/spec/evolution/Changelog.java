package io.kirincontract.spec.evolution;

import io.kirincontract.spec.KirinSpec;
import java.util.List;

/**
 * Renders {@value #PAGE}: for each released version what changed since the one before, and the changes of the spec
 * not yet released, each with what a client must do. The output depends only on the released files and the spec.
 */
public final class Changelog {

  /** The page, from the repository root. */
  public static final String PAGE = "docs/changelog.md";

  /** The command that rewrites {@value #PAGE}, run from the repository root. */
  public static final String REGENERATE_COMMAND = "mvn -B -q -o -pl spec test -Dkirin.changelog.update=true";

  private Changelog() {}

  /** The whole page, with {@code \n} line ends and one final newline. */
  public static String render(ReleasedContracts releases, String currentSpec) {
    StringBuilder out = new StringBuilder();
    out.append("# Contract changelog\n\n");
    out.append("<!-- Generated from spec/released/ and spec/kirin-api.yaml. Do not edit; regenerate with: ")
        .append(REGENERATE_COMMAND).append(" -->\n\n");
    out.append("What changed in the Kirin contract from one released version to the next, and what a client must do ")
        .append("about each change. **Breaking** changes can make a client written for the older version fail and ")
        .append("come only with a new major version; **compatible** ones keep it working. Releasing a version: ")
        .append("[contract versions](contract-versions.md).\n");
    List<SemanticVersion> versions = releases.versions();
    String version = KirinSpec.parse(currentSpec).version();
    out.append("\n## Unreleased (`spec/kirin-api.yaml`, info.version ").append(version).append(")\n\n");
    if (versions.isEmpty()) {
      out.append("No version has been released yet.\n");
    } else {
      SemanticVersion latest = versions.get(versions.size() - 1);
      List<ContractChange> changes = ContractDiff.between(releases.read(latest), currentSpec);
      if (changes.isEmpty()) {
        out.append("No change since ").append(latest).append(".\n");
      } else {
        out.append("Changes since ").append(latest).append(":\n");
        entries(changes, out);
      }
    }
    for (int i = versions.size() - 1; i >= 0; i--) {
      out.append("\n## ").append(versions.get(i)).append("\n\n");
      if (i == 0) {
        out.append("The first released contract (`spec/released/kirin-api-").append(versions.get(i))
            .append(".yaml`).\n");
        continue;
      }
      List<ContractChange> changes = ContractDiff.between(releases.read(versions.get(i - 1)),
          releases.read(versions.get(i)));
      if (changes.isEmpty()) {
        out.append("No change to the contract since ").append(versions.get(i - 1)).append(".\n");
      } else {
        out.append("Changes since ").append(versions.get(i - 1)).append(":\n");
        entries(changes, out);
      }
    }
    return out.toString();
  }

  private static void entries(List<ContractChange> changes, StringBuilder out) {
    for (Compatibility compatibility : Compatibility.values()) {
      List<ContractChange> group = changes.stream().filter(change -> change.compatibility() == compatibility).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.append("\n### ").append(compatibility == Compatibility.BREAKING ? "Breaking" : "Compatible").append("\n\n");
      for (ContractChange change : group) {
        out.append("- `").append(change.where()).append("`");
        if (!change.field().isEmpty()) {
          out.append(", `").append(change.field()).append("`");
        }
        out.append(": ").append(change.what()).append(".\n  **Client:** ").append(change.action()).append(".\n");
      }
    }
  }
}
