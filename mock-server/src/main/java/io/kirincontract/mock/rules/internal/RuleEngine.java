package io.kirincontract.mock.rules.internal;

import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.tasks.TaskWarning;
import io.kirincontract.mock.problems.internal.JsonPaths;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the cross-field rules of a model in the spec's order and applies each rule's {@code effect} and
 * {@code mode}: {@code reject} findings become problems with the rule's code ({@code mode: strict} ones only under
 * the strict media policy, warnings otherwise), {@code ignore} rules run once, before any check ({@link
 * #ignoredFields}), and
 * {@code mode: library} rules run only when a subject library is configured. Built only when the implementations
 * match the spec's rule ids exactly.
 */
public final class RuleEngine {

  /** What the rules decided about one request. */
  public record Outcome(List<Problem> problems, List<TaskWarning> warnings) {}

  /** A rule of the spec with its implementation. */
  private record Bound(RuleDef def, Rule rule) {}

  /**
   * A model's enabled rules in the spec's order, sorted once by when they run: {@code ignore} rules first, then the
   * rules that read no media, then the media rules (a create then looks up no rule by id).
   */
  private record Passes(List<Bound> ignore, List<Bound> plain, List<Bound> media) {}

  private final KirinSpec spec;
  private final Map<String, Rule> rules;
  private final Set<String> disabled;
  private final MediaPolicy policy;
  private final Map<String, Passes> passesByModel = new HashMap<>();

  /**
   * @throws RuleMismatchException when an id of the spec has no implementation or an implementation has no id in
   *     the spec
   */
  public RuleEngine(KirinSpec spec, List<Rule> implementations, Set<String> disabled, MediaPolicy policy) {
    this.spec = spec;
    this.rules = index(implementations);
    this.disabled = Set.copyOf(disabled);
    this.policy = policy;
    verify(spec, rules.keySet());
    TaskKinds.check(spec);
    spec.modelIds().forEach(model -> passesByModel.put(model, passes(spec.rulesFor(model))));
  }

  private Passes passes(List<RuleDef> defs) {
    List<Bound> ignore = new ArrayList<>();
    List<Bound> plain = new ArrayList<>();
    List<Bound> media = new ArrayList<>();
    for (RuleDef def : defs) {
      if (disabled.contains(def.id())) {
        continue;
      }
      Bound bound = new Bound(def, rules.get(def.id()));
      if (def.effect() == RuleDef.Effect.IGNORE) {
        ignore.add(bound);
      } else {
        (bound.rule().readsMedia() ? media : plain).add(bound);
      }
    }
    return new Passes(List.copyOf(ignore), List.copyOf(plain), List.copyOf(media));
  }

  /** The model's passes; a model the spec does not name (only in tests) gets its rules sorted on each call. */
  private Passes passes(String model) {
    Passes known = passesByModel.get(model);
    return known != null ? known : passes(spec.rulesFor(model));
  }

  /** Fails unless the implemented ids are exactly the spec's ids. */
  static void verify(KirinSpec spec, Set<String> implemented) {
    Set<String> specified = new LinkedHashSet<>();
    spec.rules().forEach(rule -> specified.add(rule.id()));
    Set<String> missing = new TreeSet<>(specified);
    missing.removeAll(implemented);
    Set<String> extra = new TreeSet<>(implemented);
    extra.removeAll(specified);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new RuleMismatchException(missing, extra);
    }
  }

  /** The rule ids implemented, in registration order. */
  public Set<String> ids() {
    return rules.keySet();
  }

  /**
   * What the {@code effect: ignore} rules of the model make ignored in this request, before anything is checked
   * (DESIGN §3: a field the request makes "invalid" is not validated at all): each finding names the ignored field
   * and why. These rules read only the request, never media.
   */
  public List<TaskWarning> ignoredFields(RuleContext context) {
    List<TaskWarning> ignored = new ArrayList<>();
    for (Bound bound : passes(context.model()).ignore()) {
      for (Finding finding : bound.rule().check(context)) {
        if (ignored.stream().noneMatch(warning -> warning.param().equals(finding.param()))) {
          ignored.add(new TaskWarning(bound.def().id(), finding.param(), finding.message()));
        }
      }
    }
    return ignored;
  }

  /**
   * Runs the rules in two passes: first every rule that reads no media, then the media rules, which fetch URLs only
   * when nothing refused the request so far (so a request refused by a count or a schema limit costs no connection).
   * Problems come out in the spec's order of rules whatever the pass.
   *
   * @param fieldProblems problems already found per field; a rule reading such a field is skipped, so users fix
   *     the field first and never see a rule fire on a value that was not understood
   */
  public Outcome run(RuleContext context, List<Problem> fieldProblems) {
    Passes passes = passes(context.model());
    Outcome plain = pass(context, fieldProblems, passes.plain());
    boolean refused = !fieldProblems.isEmpty() || !plain.problems().isEmpty();
    context.media().prepare(context.profile(), context.request(), refused);
    Outcome media = pass(context, fieldProblems, passes.media());
    List<Problem> problems = new ArrayList<>(plain.problems());
    problems.addAll(media.problems());
    if (!plain.problems().isEmpty() && !media.problems().isEmpty()) {
      // Each pass is in the spec's order; interleave them by it (rare: a refused request with bad inline media).
      List<RuleDef> defs = spec.rulesFor(context.model());
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < defs.size(); i++) {
        position.put(defs.get(i).id(), i);
      }
      problems.sort(Comparator.comparingInt(problem -> position.getOrDefault(problem.rule(), Integer.MAX_VALUE)));
    }
    List<TaskWarning> warnings = new ArrayList<>(plain.warnings());
    warnings.addAll(media.warnings());
    return new Outcome(problems, warnings);
  }

  private Outcome pass(RuleContext context, List<Problem> fieldProblems, List<Bound> rulesOfPass) {
    List<Problem> problems = new ArrayList<>();
    List<TaskWarning> warnings = new ArrayList<>();
    for (Bound bound : rulesOfPass) {
      RuleDef def = bound.def();
      if ((def.mode() == RuleDef.Mode.LIBRARY && context.library().isEmpty())
          || readsBrokenField(def, fieldProblems)) {
        continue;
      }
      for (Finding finding : bound.rule().check(context)) {
        if (def.mode() == RuleDef.Mode.STRICT && policy == MediaPolicy.LENIENT) {
          warnings.add(new TaskWarning(def.id(), finding.param(), finding.message()));
        } else {
          problems.add(new Problem(def.code(), finding.message(), finding.param(), def.id()));
        }
      }
    }
    return new Outcome(problems, warnings);
  }

  private static boolean readsBrokenField(RuleDef def, List<Problem> fieldProblems) {
    for (Problem problem : fieldProblems) {
      if (problem.param() == null) {
        continue;
      }
      String broken = KirinSpec.stripIndexes(problem.param());
      for (String param : def.params()) {
        if (JsonPaths.overlap(param, broken)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Map<String, Rule> index(List<Rule> implementations) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : implementations) {
      if (byId.put(rule.id(), rule) != null) {
        throw new IllegalStateException("rule " + rule.id() + " is implemented twice");
      }
    }
    return byId;
  }
}
