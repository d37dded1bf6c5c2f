package io.kirincontract.mock.callbacks.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-task FIFO. Each task with unfinished callbacks has a lane; the head of the lane is the callback being
 * delivered (or waiting for a retry), the rest wait behind it. Different tasks' lanes are independent. Every
 * lane is only touched inside {@link ConcurrentHashMap#compute}, which locks that one key.
 */
final class TaskLanes {

  /** Lanes are per tenant and task: task ids are private to their tenant. */
  record LaneKey(String tenant, String taskId) {}

  private final ConcurrentHashMap<LaneKey, ArrayDeque<PendingCallback>> lanes = new ConcurrentHashMap<>();

  /** Appends a callback to its task's lane; true when it is the head and should be started now. */
  boolean offer(PendingCallback callback) {
    boolean[] head = {false};
    lanes.compute(
        callback.laneKey(),
        (key, lane) -> {
          ArrayDeque<PendingCallback> result = lane;
          if (result == null) {
            result = new ArrayDeque<>(4);
            head[0] = true;
          }
          result.addLast(callback);
          return result;
        });
    return head[0];
  }

  /**
   * Removes {@code finished} from the head of its lane and returns the next callback of the same task, or
   * {@code null}. Does nothing when {@code finished} is not the head (its lane was already cleared by {@link
   * #removeAll()}).
   */
  PendingCallback advance(PendingCallback finished) {
    PendingCallback[] next = {null};
    lanes.computeIfPresent(
        finished.laneKey(),
        (key, lane) -> {
          if (lane.peekFirst() != finished) {
            return lane;
          }
          lane.pollFirst();
          next[0] = lane.peekFirst();
          return lane.isEmpty() ? null : lane;
        });
    return next[0];
  }

  /** Empties every lane and returns what they held. */
  List<PendingCallback> removeAll() {
    List<PendingCallback> removed = new ArrayList<>();
    for (LaneKey key : lanes.keySet()) {
      lanes.computeIfPresent(
          key,
          (k, lane) -> {
            removed.addAll(lane);
            return null;
          });
    }
    return removed;
  }

  /** Tasks with at least one unfinished callback. */
  int activeTasks() {
    return lanes.size();
  }
}
