package io.kirincontract.spec.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The breaking-change gate: the spec may change compatibly under any version at or above the released one; a
 * breaking change needs a higher major version.
 */
public final class ContractGate {

  private ContractGate() {}

  /**
   * Compares the spec with a released one.
   *
   * @param released the released version {@code releasedSpec} is
   * @param current the spec's {@code info.version}
   */
  public static Verdict check(SemanticVersion released, String releasedSpec, SemanticVersion current,
      String currentSpec) {
    List<ContractChange> changes = ContractDiff.between(releasedSpec, currentSpec);
    List<String> problems = new ArrayList<>();
    if (current.compareTo(released) < 0) {
      problems.add("info.version " + current + " is below the released " + released);
    }
    List<ContractChange> breaking = changes.stream().filter(ContractChange::isBreaking).toList();
    if (!breaking.isEmpty() && current.major() <= released.major()) {
      StringBuilder message = new StringBuilder();
      message.append(breaking.size()).append(" breaking change").append(breaking.size() == 1 ? "" : "s")
          .append(" since ").append(released).append(" need a new major version (info.version ")
          .append(released.major() + 1).append(".0.0 or above, now ").append(current).append("):");
      breaking.forEach(change -> message.append("\n  - ").append(change.describe()));
      problems.add(message.toString());
    }
    return new Verdict(released, current, changes, problems);
  }

  /**
   * What the gate found.
   *
   * @param problems why the gate fails; empty when it passes
   */
  public record Verdict(SemanticVersion released, SemanticVersion current, List<ContractChange> changes,
      List<String> problems) {

    public Verdict {
      changes = List.copyOf(changes);
      problems = List.copyOf(problems);
    }

    public boolean passes() {
      return problems.isEmpty();
    }

    /** The verdict and every change, one per line, for the build's output. */
    public String report() {
      StringBuilder out = new StringBuilder();
      out.append("Contract ").append(current).append(" against released ").append(released).append(": ")
          .append(passes() ? "passes" : "FAILS").append(", ").append(changes.size()).append(" change")
          .append(changes.size() == 1 ? "" : "s");
      problems.forEach(problem -> out.append("\n").append(problem));
      changes.forEach(change -> out.append("\n  ").append(change.compatibility().name().toLowerCase(Locale.ROOT))
          .append(": ").append(change.describe()).append(" (client: ").append(change.action()).append(")"));
      return out.toString();
    }
  }
}
