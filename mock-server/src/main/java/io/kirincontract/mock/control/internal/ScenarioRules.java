package io.kirincontract.mock.control.internal;

import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.tasks.internal.ModelCodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The admin rules waiting for tasks, in the order they were added. A new task takes the first rule that matches its
 * model and key and has uses left; a used-up rule goes away. Rules are checked when added: an unknown model, or a
 * failure code that is not a generation-failure code of the rule's model (or of any model, for a rule without
 * one), is refused. Thread-safe.
 */
public final class ScenarioRules {

  /** A rule as it stands: its id, how many uses it has left, and the models it can apply to. */
  public record Active(long id, ScenarioRule rule, int remaining, Set<String> models) {}

  private final ModelCodes codes;
  private final List<Active> rules = new ArrayList<>();
  /** Rules waiting, readable without the lock (a new task checks it first; most servers have no rules). */
  private volatile int waiting;
  private long nextId = 1;

  public ScenarioRules(ModelCodes codes) {
    this.codes = codes;
  }

  /** Adds a rule after checking it; returns it with its id. */
  public synchronized Active add(ScenarioRule rule) {
    Set<String> models = models(rule);
    Active active = new Active(nextId++, rule, rule.count(), models);
    rules.add(active);
    waiting = rules.size();
    return active;
  }

  /** Whether no rule waits, without taking the lock: a rule added at this moment may or may not be seen. */
  public boolean isEmpty() {
    return waiting == 0;
  }

  /** The first rule for a task of this model and key, without using it up. */
  public synchronized Optional<Active> match(String model, String key) {
    return rules.stream()
        .filter(active -> active.models().contains(model))
        .filter(active -> active.rule().key() == null || active.rule().key().equals(key))
        .findFirst();
  }

  /** Uses a rule once (the task it matched was created); the rule goes when it has no use left. */
  public synchronized void use(Active used) {
    for (int i = 0; i < rules.size(); i++) {
      Active active = rules.get(i);
      if (active.id() == used.id()) {
        if (active.remaining() <= 1) {
          rules.remove(i);
          waiting = rules.size();
        } else {
          rules.set(i, new Active(active.id(), active.rule(), active.remaining() - 1, active.models()));
        }
        return;
      }
    }
  }

  /** The rules waiting, oldest first. */
  public synchronized List<Active> list() {
    return List.copyOf(rules);
  }

  /** Removes one rule; false when there is none with this id. */
  public synchronized boolean remove(long id) {
    for (Iterator<Active> it = rules.iterator(); it.hasNext(); ) {
      if (it.next().id() == id) {
        it.remove();
        waiting = rules.size();
        return true;
      }
    }
    return false;
  }

  public synchronized void clear() {
    rules.clear();
    waiting = 0;
  }

  private Set<String> models(ScenarioRule rule) {
    Scenario.Failure fail = rule.scenario().fail();
    if (rule.model() != null) {
      if (!codes.all().containsKey(rule.model())) {
        throw new InvalidControlException(
            "unknown model " + rule.model() + "; use one of " + String.join(", ", codes.all().keySet()), "model");
      }
      rule.scenario().forModel(rule.model(), codes, "fail");
      return Set.of(rule.model());
    }
    if (fail == null || fail.code() == null) {
      return Set.copyOf(codes.all().keySet());
    }
    Set<String> models = codes.modelsFailingWith(fail.code());
    if (models.isEmpty()) {
      throw new InvalidControlException(
          fail.code() + " is not a generation-failure code of any model; see x-kirin-error-catalog (kind: generation)",
          "fail");
    }
    return Set.copyOf(models);
  }
}
