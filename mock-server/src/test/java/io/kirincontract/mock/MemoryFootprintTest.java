package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Stored tasks are compact: a later benchmark holds a million finished tasks in a 512 MB heap. This check measures
 * a hundred thousand and keeps a wide margin ({@link HeapFootprint} measures a million from the command line).
 */
class MemoryFootprintTest {

  @Test
  void aFinishedTaskCostsWellUnder325BytesOfHeapEvenWithItsOwnExternalId() {
    HeapFootprint.Result plain = HeapFootprint.measure(100_000, false);
    HeapFootprint.Result withExternalIds = HeapFootprint.measure(100_000, true);
    System.out.println(plain);
    System.out.println(withExternalIds);
    // the store's index holds the records in arrays (no map node, no id object): 113 and 223 bytes measured
    assertThat(plain.bytesPerTask()).isLessThan(170);
    assertThat(withExternalIds.bytesPerTask()).isLessThan(325);
  }
}
