package io.kirincontract.mock.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The stubs armed, oldest first. An arriving request takes the first stub that matches it and has uses left; a stub
 * with none left goes away. Thread-safe; a request checks {@link #isEmpty()} without the lock first (most runs have
 * no stub).
 */
public final class StubRegistry {

  /** A stub as it stands: its id ({@code stub_1}) and its uses left. */
  public record Armed(String id, Stub stub, int remaining) {}

  private final List<Armed> stubs = new ArrayList<>();
  private volatile int armed;
  private volatile boolean needsBody;
  private long nextId = 1;

  /** Arms a stub; returns its id. */
  public synchronized Armed add(Stub stub) {
    Armed added = new Armed("stub_" + nextId++, stub, stub.times());
    stubs.add(added);
    changed();
    return added;
  }

  public boolean isEmpty() {
    return armed == 0;
  }

  /** Whether a stub needs the request's body (a model or body condition) to tell whether it matches. */
  public boolean needsBody() {
    return needsBody;
  }

  /** Takes one use of the first stub that matches an arriving request. */
  public synchronized Optional<Armed> take(String method, String path, String keyId, String model, JsonNode body) {
    for (int i = 0; i < stubs.size(); i++) {
      Armed candidate = stubs.get(i);
      if (candidate.stub().match().matchesArriving(method, path, keyId, model, body)) {
        if (candidate.remaining() <= 1) {
          stubs.remove(i);
        } else {
          stubs.set(i, new Armed(candidate.id(), candidate.stub(), candidate.remaining() - 1));
        }
        changed();
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The stubs armed, with their uses left, oldest first. */
  public synchronized List<Armed> list() {
    return List.copyOf(stubs);
  }

  /** Removes one stub; false when none has this id. */
  public synchronized boolean remove(String id) {
    for (Iterator<Armed> it = stubs.iterator(); it.hasNext(); ) {
      if (it.next().id().equals(id)) {
        it.remove();
        changed();
        return true;
      }
    }
    return false;
  }

  /** Removes every stub; numbering goes on (an id is never given twice). */
  public synchronized void clear() {
    stubs.clear();
    changed();
  }

  private void changed() {
    armed = stubs.size();
    needsBody = stubs.stream().anyMatch(armedStub -> armedStub.stub().match().needsBody());
  }

  @Override
  public synchronized String toString() {
    List<String> ids = new ArrayList<>();
    stubs.forEach(stub -> ids.add(stub.id()));
    return "stubs " + ids;
  }
}
