package io.kirincontract.mock.util.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentCacheTest {

  @Test
  void byIdentityAnEqualButDistinctKeyIsNotTheSameKey() {
    RecentCache<String, Integer> cache = RecentCache.byIdentity(16);
    String key = new String("task");
    cache.put(key, 1);

    assertThat(cache.get(key)).isEqualTo(1);
    assertThat(cache.get(new String("task"))).isNull();
  }

  @Test
  void byEqualityAnEqualKeyFindsTheValueAndAnyDifferenceMisses() {
    record View(String id, String status) {}
    RecentCache<View, String> cache = RecentCache.byEquality(16, view -> view.id().hashCode());
    cache.put(new View("t1", "queued"), "queued json");

    assertThat(cache.get(new View("t1", "queued"))).isEqualTo("queued json");
    assertThat(cache.get(new View("t1", "processing"))).as("same slot, other view").isNull();
    cache.put(new View("t1", "processing"), "processing json");
    assertThat(cache.get(new View("t1", "queued"))).as("the slot was taken over").isNull();
    assertThat(cache.get(new View("t1", "processing"))).isEqualTo("processing json");
  }

  @Test
  void keysThatFallInOneSlotTakeItOverInTurn() {
    RecentCache<Integer, String> cache = RecentCache.byEquality(4, key -> key);
    cache.put(1, "one");
    cache.put(5, "five"); // 5 & 3 == 1: the same slot

    assertThat(cache.get(5)).isEqualTo("five");
    assertThat(cache.get(1)).isNull();
  }

  @Test
  void theSizeIsAPowerOfTwo() {
    assertThatThrownBy(() -> RecentCache.byIdentity(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecentCache.byIdentity(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
