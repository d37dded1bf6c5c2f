package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll-interval}: the polls of each task are at least {@link Thresholds#pollInterval()} apart (median of the
 * gaps between arrivals), or back off: each gap at least nine tenths of the one before and the last at least twice
 * the first.
 */
final class PollInterval implements Grader {

  private static final CheckId CHECK = CheckId.POLL_INTERVAL;

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    List<Evidence> evidence = new ArrayList<>();
    int judged = 0;
    int tooFast = 0;
    for (TaskFacts task : run.tasks()) {
      List<JournalEntry> polls = run.pollsOf(task.taskId());
      if (polls.size() < 2) {
        continue;
      }
      judged++;
      List<Duration> gaps = new ArrayList<>();
      for (int i = 1; i < polls.size(); i++) {
        gaps.add(Duration.between(polls.get(i - 1).at(), polls.get(i).at()));
      }
      Duration median = Times.median(gaps);
      boolean spaced = median.compareTo(thresholds.pollInterval()) >= 0;
      boolean backingOff = !spaced && backsOff(gaps);
      if (!spaced && !backingOff) {
        tooFast++;
      }
      JournalEntry first = polls.get(0);
      JournalEntry lastPoll = polls.get(polls.size() - 1);
      evidence.add(new Evidence(first.seq(), first.at(), "first of " + polls.size() + " polls of task "
          + task.taskId()));
      evidence.add(new Evidence(lastPoll.seq(), lastPoll.at(), "last poll; median gap " + Times.seconds(median)
          + ", shortest " + Times.seconds(gaps.stream().min(Duration::compareTo).orElseThrow()) + ", longest "
          + Times.seconds(gaps.stream().max(Duration::compareTo).orElseThrow())
          + (spaced ? "" : backingOff ? ", backing off" : ": too often")));
    }
    if (judged == 0) {
      return CheckResult.notExercised(CHECK, "no task was polled twice");
    }
    return tooFast == 0
        ? CheckResult.pass(CHECK, "polls spaced as asked (median at least " + Times.seconds(thresholds.pollInterval())
            + " or backing off)", evidence)
        : CheckResult.fail(CHECK, "polled " + tooFast + " task(s) more often than every "
            + Times.seconds(thresholds.pollInterval()) + " (median) without backing off", evidence);
  }

  private static boolean backsOff(List<Duration> gaps) {
    if (gaps.size() < 2) {
      return false;
    }
    for (int i = 1; i < gaps.size(); i++) {
      if (gaps.get(i).toNanos() < gaps.get(i - 1).toNanos() * 0.9) {
        return false;
      }
    }
    return gaps.get(gaps.size() - 1).toNanos() >= 2 * gaps.get(0).toNanos();
  }
}
