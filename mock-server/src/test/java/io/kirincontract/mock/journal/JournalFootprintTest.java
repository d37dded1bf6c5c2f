package io.kirincontract.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A journal entry is small: a full default journal (10,000 entries) stays within a few megabytes. This check measures
 * 2,000 creates with a wide margin; {@link JournalFootprint} measures more from the command line.
 */
class JournalFootprintTest {

  @Test
  void aJournalEntryOfACreateCostsWellUnderTwoKilobytesOfHeap() throws Exception {
    JournalFootprint.Result result = JournalFootprint.measure(2_000);
    System.out.println(result);
    assertThat(result.bytesPerEntry()).isBetween(100.0, 2_000.0);
  }
}
