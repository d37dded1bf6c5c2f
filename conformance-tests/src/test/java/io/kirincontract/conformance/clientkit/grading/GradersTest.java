package io.kirincontract.conformance.clientkit.grading;

import static io.kirincontract.conformance.clientkit.grading.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientScenario;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import io.kirincontract.conformance.clientkit.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each check graded on hand-made journals: pass, fail and not-exercised, with the evidence that says why. */
class GradersTest {

  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

  private static CheckResult grade(CheckId check, RunRecord run) {
    return Grader.of(check).grade(run, Thresholds.DEFAULTS);
  }

  @Nested
  class RetryAfterHonoured {

    @Test
    void aRequestTwoSecondsAfterA429WithRetryAfterTwoPasses() {
      RunRecord record = run().create(0, 429).stubWithRetryAfter("stub_1", TWO_SECONDS).create(2.01, 200).task("t1")
          .of(ClientScenario.RATE_LIMITED);

      CheckResult result = grade(CheckId.RETRY_AFTER_HONOURED, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.evidence()).extracting(Evidence::seq).containsExactly(1L, 2L);
      assertThat(result.evidence().get(1).note()).contains("2.010 s");
    }

    @Test
    void aRequestWithinTheToleranceOfRetryAfterStillPasses() {
      RunRecord record = run().create(0, 429).stubWithRetryAfter("stub_1", TWO_SECONDS).create(1.95, 200)
          .of(ClientScenario.RATE_LIMITED);

      assertThat(grade(CheckId.RETRY_AFTER_HONOURED, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aRetryAHundredMillisecondsAfterA429FailsAndNamesTheEarlyRequest() {
      RunRecord record = run().create(0, 429).stubWithRetryAfter("stub_1", TWO_SECONDS).create(0.1, 200)
          .of(ClientScenario.RATE_LIMITED);

      CheckResult result = grade(CheckId.RETRY_AFTER_HONOURED, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.evidence().get(1)).satisfies(evidence -> {
        assertThat(evidence.seq()).isEqualTo(2L);
        assertThat(evidence.note()).contains("0.100 s", "too soon");
      });
    }

    @Test
    void anEarlyPollCountsToo() {
      RunRecord record = run().create(0, 200).task("t1").poll(1, "t1").stubWithRetryAfter("stub_1", TWO_SECONDS)
          .poll(1.5, "t1").of(ClientScenario.RATE_LIMITED);

      assertThat(grade(CheckId.RETRY_AFTER_HONOURED, record).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void withoutAnAnswerCarryingRetryAfterTheCheckIsNotExercised() {
      RunRecord record = run().create(0, 200).of(ClientScenario.RATE_LIMITED);

      assertThat(grade(CheckId.RETRY_AFTER_HONOURED, record).verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    }

    @Test
    void aClientThatSentNothingAfterThe429IsNotExercised() {
      RunRecord record = run().create(0, 429).stubWithRetryAfter("stub_1", TWO_SECONDS).exit(1)
          .of(ClientScenario.RATE_LIMITED);

      CheckResult result = grade(CheckId.RETRY_AFTER_HONOURED, record);

      assertThat(result.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
      assertThat(result.summary()).contains("exit 1");
    }
  }

  @Nested
  class NoRetryOn4xx {

    @Test
    void aRefusedCreateThatIsNotSentAgainPasses() {
      RunRecord record = run().create(0, 400).exit(1).of(ClientScenario.BAD_REQUEST);

      assertThat(grade(CheckId.NO_RETRY_ON_4XX, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aChangedBodySentAfterTheRefusalPasses() {
      RunRecord record = run().create(0, 400).create(1, 200)
          .body(JournalEntry.body("model", "kirin_v2_master_t2v", "prompt", "A shorter prompt"))
          .of(ClientScenario.BAD_REQUEST);

      assertThat(grade(CheckId.NO_RETRY_ON_4XX, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theSameBodySentAgainFailsAndEachRepeatIsEvidence() {
      RunRecord record = run().create(0, 400).create(0.1, 400).create(0.2, 400).exit(1)
          .of(ClientScenario.BAD_REQUEST);

      CheckResult result = grade(CheckId.NO_RETRY_ON_4XX, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.summary()).contains("2 time(s)");
      assertThat(result.evidence()).extracting(Evidence::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theSameBodyWithOnlyANewExternalIdCountsAsSentAgain() {
      RunRecord record = run().create(0, 400).body(JournalEntry.body("prompt", "A boat", "external_task_id", "a"))
          .create(0.1, 400).body(JournalEntry.body("prompt", "A boat", "external_task_id", "b"))
          .of(ClientScenario.BAD_REQUEST);

      assertThat(grade(CheckId.NO_RETRY_ON_4XX, record).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aNewExternalIdAfterARefusalOfTheExternalIdIsAChange() {
      Runs runs = run().create(0, 400).body(JournalEntry.body("prompt", "A boat", "external_task_id", "a"));
      RunRecord record = runs.rule("v2t2v.external_task_id.max-length").create(0.1, 200)
          .body(JournalEntry.body("prompt", "A boat", "external_task_id", "b")).of(ClientScenario.BAD_REQUEST);

      assertThat(grade(CheckId.NO_RETRY_ON_4XX, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void a429IsNotARefusalAndLeavesTheCheckNotExercised() {
      RunRecord record = run().create(0, 429).create(2, 200).of(ClientScenario.BAD_REQUEST);

      assertThat(grade(CheckId.NO_RETRY_ON_4XX, record).verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    }
  }

  @Nested
  class ServerErrorRetried {

    @Test
    void aRetryAfterThe503FollowedToTheEndPasses() {
      RunRecord record = run().create(0, 503).create(0.5, 200).task("t1").poll(1.5, "t1").poll(3, "t1")
          .finishedTask("t1", null, "completed", 2.5).of(ClientScenario.SERVER_ERROR);

      CheckResult result = grade(CheckId.SERVER_ERROR_RETRIED, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.evidence()).extracting(Evidence::seq).containsExactly(1L, 2L, 4L);
    }

    @Test
    void aClientThatGivesUpAfterThe503Fails() {
      RunRecord record = run().create(0, 503).exit(1).of(ClientScenario.SERVER_ERROR);

      CheckResult result = grade(CheckId.SERVER_ERROR_RETRIED, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.evidence()).last().extracting(Evidence::note).asString().contains("exit 1");
    }

    @Test
    void aClientWhoseLastPollCameJustAsTheTaskEndedFollowedItToTheEnd() {
      RunRecord record = run().create(0, 503).create(0.5, 200).task("t1").poll(1.5, "t1").poll(2.99, "t1")
          .finishedTask("t1", null, "completed", 3).of(ClientScenario.SERVER_ERROR);

      assertThat(grade(CheckId.SERVER_ERROR_RETRIED, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aClientThatRetriesButNeverSeesTheEndFails() {
      RunRecord record = run().create(0, 503).create(0.5, 200).task("t1").poll(1, "t1")
          .finishedTask("t1", null, "completed", 4).exit(0).of(ClientScenario.SERVER_ERROR);

      assertThat(grade(CheckId.SERVER_ERROR_RETRIED, record).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void withoutA5xxTheCheckIsNotExercised() {
      RunRecord record = run().create(0, 200).of(ClientScenario.SERVER_ERROR);

      assertThat(grade(CheckId.SERVER_ERROR_RETRIED, record).verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    }
  }

  @Nested
  class IdempotentRetry {

    @Test
    void aRetryWithTheSameExternalIdThatMakesNoSecondTaskPasses() {
      RunRecord record = run().create(0, 200).body(JournalEntry.body("external_task_id", "order-1")).task("t1")
          .lostAnswer("stub_1").create(0.5, 409).body(JournalEntry.body("external_task_id", "order-1"))
          .pollByExternalId(0.6, "order-1").finishedTask("t1", "order-1", "completed", 4)
          .of(ClientScenario.LOST_ANSWER);

      CheckResult result = grade(CheckId.IDEMPOTENT_RETRY, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.evidence().get(1).note()).contains("same external_task_id", "409");
    }

    @Test
    void aLookupByExternalIdInsteadOfARetryPasses() {
      RunRecord record = run().create(0, 200).body(JournalEntry.body("external_task_id", "order-1")).task("t1")
          .lostAnswer("stub_1").pollByExternalId(0.5, "order-1").finishedTask("t1", "order-1", "completed", 4)
          .of(ClientScenario.LOST_ANSWER);

      assertThat(grade(CheckId.IDEMPOTENT_RETRY, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aRetryWithANewExternalIdMakesASecondTaskAndFails() {
      RunRecord record = run().create(0, 200).body(JournalEntry.body("external_task_id", "order-1")).task("t1")
          .lostAnswer("stub_1").create(0.1, 200).body(JournalEntry.body("external_task_id", "order-2")).task("t2")
          .finishedTask("t1", "order-1", "completed", 4).finishedTask("t2", "order-2", "completed", 4.1)
          .of(ClientScenario.LOST_ANSWER);

      CheckResult result = grade(CheckId.IDEMPOTENT_RETRY, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.summary()).contains("2 tasks");
      assertThat(result.evidence()).extracting(Evidence::seq).containsExactly(1L, 2L);
    }

    @Test
    void aClientThatGivesUpOnTheLostAnswerFails() {
      RunRecord record = run().create(0, 200).task("t1").lostAnswer("stub_1").unfinishedTask("t1").exit(1)
          .of(ClientScenario.LOST_ANSWER);

      CheckResult result = grade(CheckId.IDEMPOTENT_RETRY, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.summary()).contains("gave up");
    }

    @Test
    void withoutALostAnswerTheCheckIsNotExercised() {
      RunRecord record = run().create(0, 200).task("t1").of(ClientScenario.LOST_ANSWER);

      assertThat(grade(CheckId.IDEMPOTENT_RETRY, record).verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    }
  }

  @Nested
  class BoundedRetries {

    @Test
    void threeRetriesThenANonZeroExitPasses() {
      RunRecord record = run().create(0, 503).create(0.5, 503).create(1.5, 503).create(3.5, 503).exit(1)
          .of(ClientScenario.ALWAYS_FAILING);

      CheckResult result = grade(CheckId.BOUNDED_RETRIES, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.summary()).startsWith("3 create(s)").contains("exit 1");
    }

    @Test
    void oneRetryThatSucceedsPasses() {
      RunRecord record = run().create(0, 429).create(2, 200).of(ClientScenario.RATE_LIMITED);

      assertThat(grade(CheckId.BOUNDED_RETRIES, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void sixRetriesAreOneTooMany() {
      Runs runs = run();
      for (int i = 0; i < 7; i++) {
        runs.create(i * 0.1, 503);
      }

      CheckResult result = grade(CheckId.BOUNDED_RETRIES, runs.exit(1).of(ClientScenario.ALWAYS_FAILING));

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.summary()).startsWith("6 creates");
    }

    @Test
    void exitingZeroAfterEveryCreateFailedFails() {
      RunRecord record = run().create(0, 503).create(1, 503).exit(0).of(ClientScenario.ALWAYS_FAILING);

      CheckResult result = grade(CheckId.BOUNDED_RETRIES, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.summary()).contains("exited 0");
    }

    @Test
    void beingStoppedAtTheTimeLimitWhileFailingFails() {
      RunRecord record = run().create(0, 503).create(1, 503).timedOut().of(ClientScenario.ALWAYS_FAILING);

      assertThat(grade(CheckId.BOUNDED_RETRIES, record).summary()).contains("time limit");
    }

    @Test
    void withoutAFailedCreateTheCheckIsNotExercised() {
      RunRecord record = run().create(0, 200).of(ClientScenario.ALWAYS_FAILING);

      assertThat(grade(CheckId.BOUNDED_RETRIES, record).verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    }
  }

  @Nested
  class PollInterval {

    @Test
    void pollsASecondApartPass() {
      RunRecord record = run().create(0, 200).task("t1").poll(1, "t1").poll(2.01, "t1").poll(3.02, "t1")
          .finishedTask("t1", null, "completed", 3).of(ClientScenario.HAPPY);

      assertThat(grade(CheckId.POLL_INTERVAL, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void pollsEveryHundredMillisecondsFailWithTheMedianGap() {
      Runs runs = run().create(0, 200).task("t1");
      for (int i = 1; i <= 20; i++) {
        runs.poll(i * 0.1, "t1");
      }

      CheckResult result = grade(CheckId.POLL_INTERVAL, runs.finishedTask("t1", null, "completed", 2)
          .of(ClientScenario.HAPPY));

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.evidence()).last().extracting(Evidence::note).asString()
          .contains("median gap 0.100 s", "too often");
    }

    @Test
    void pollsThatBackOffFromAShortStartPass() {
      RunRecord record = run().create(0, 200).task("t1").poll(0.2, "t1").poll(0.4, "t1").poll(0.8, "t1")
          .poll(1.6, "t1").poll(3.2, "t1").finishedTask("t1", null, "completed", 3).of(ClientScenario.HAPPY);

      CheckResult result = grade(CheckId.POLL_INTERVAL, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.evidence()).last().extracting(Evidence::note).asString().contains("backing off");
    }

    @Test
    void pollsByExternalIdCountAsPollsOfTheTask() {
      RunRecord record = run().create(0, 200).task("t1").pollByExternalId(1, "order-1")
          .pollByExternalId(1.1, "order-1").pollByExternalId(1.2, "order-1")
          .finishedTask("t1", "order-1", "completed", 3).of(ClientScenario.HAPPY);

      assertThat(grade(CheckId.POLL_INTERVAL, record).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aSinglePollLeavesTheCheckNotExercised() {
      RunRecord record = run().create(0, 200).task("t1").poll(5, "t1").finishedTask("t1", null, "completed", 4)
          .of(ClientScenario.HAPPY);

      assertThat(grade(CheckId.POLL_INTERVAL, record).verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    }
  }

  @Nested
  class StopsAtTerminal {

    @Test
    void noPollAfterTheFinalStatusPasses() {
      RunRecord record = run().create(0, 200).task("t1").poll(1, "t1").poll(2.5, "t1")
          .finishedTask("t1", null, "completed", 2).of(ClientScenario.HAPPY);

      CheckResult result = grade(CheckId.STOPS_AT_TERMINAL, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.evidence()).extracting(Evidence::seq).containsExactly(3L);
    }

    @Test
    void pollsAfterFailedWasServedFailAndAreCounted() {
      RunRecord record = run().create(0, 200).task("t1").poll(1, "t1").poll(2.5, "t1").poll(2.6, "t1")
          .poll(2.7, "t1").finishedTask("t1", null, "failed", 2).exit(1).of(ClientScenario.TASK_FAILS);

      CheckResult result = grade(CheckId.STOPS_AT_TERMINAL, record);

      assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.summary()).startsWith("2 poll(s)");
      assertThat(result.evidence().get(1).note()).contains("the last at seq 5");
    }

    @Test
    void theAnswerStatusRecordedInTheJournalDecidesWhenTheFinalStatusWasServed() {
      // by the timeline the task ended at 2 s, but the journal says the poll at 2.5 s still saw processing
      RunRecord record = run().create(0, 200).task("t1").poll(2.5, "t1").served("processing").poll(3.5, "t1")
          .served("completed").finishedTask("t1", null, "completed", 2).of(ClientScenario.HAPPY);

      assertThat(grade(CheckId.STOPS_AT_TERMINAL, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aPollWithinTheMarginOfTheChangeIsNotTakenAsFinal() {
      RunRecord record = run().create(0, 200).task("t1").poll(2.01, "t1").poll(3, "t1")
          .finishedTask("t1", null, "completed", 2).of(ClientScenario.HAPPY);

      assertThat(grade(CheckId.STOPS_AT_TERMINAL, record).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aLastPollWithinTheMarginOfTheChangeCountsAsHavingSeenTheEnd() {
      RunRecord record = run().create(0, 200).task("t1").poll(1, "t1").poll(2.02, "t1")
          .finishedTask("t1", null, "completed", 2).of(ClientScenario.HAPPY);

      CheckResult result = grade(CheckId.STOPS_AT_TERMINAL, record);

      assertThat(result.verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.evidence()).extracting(Evidence::seq).containsExactly(3L);
    }

    @Test
    void aClientStoppedBeforeTheEndIsNotExercised() {
      RunRecord record = run().create(0, 200).task("t1").poll(1, "t1").unfinishedTask("t1").timedOut()
          .of(ClientScenario.HAPPY);

      CheckResult result = grade(CheckId.STOPS_AT_TERMINAL, record);

      assertThat(result.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
      assertThat(result.summary()).contains("time limit");
    }
  }
}
