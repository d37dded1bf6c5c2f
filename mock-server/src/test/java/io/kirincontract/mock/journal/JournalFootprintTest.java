package io.kirincontract.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A journal entry is small: a full default journal (10,000 entries) stays within a few megabytes. This check measures
 * 2,000 creates against a wide upper bound only: a heap difference in a JVM that other tests share can come out below
 * the truth (even negative) when their garbage is collected in between, never far above it, so a lower bound made the
 * check fail at random. {@link JournalFootprint} measures the figure itself from the command line.
 */
class JournalFootprintTest {

  @Test
  void aJournalEntryOfACreateCostsWellUnderTwoKilobytesOfHeap() throws Exception {
    JournalFootprint.Result result = JournalFootprint.measure(2_000);
    System.out.println(result);
    assertThat(result.bytesPerEntry()).isLessThan(2_000.0);
  }
}
