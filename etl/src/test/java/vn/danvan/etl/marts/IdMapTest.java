package vn.danvan.etl.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdMapTest {
  /**
   * 20,000 operations on ids of three kinds: spread over 0..14,000, a run of neighbours (one
   * district's communes), and multiples of 1,024 (which a table of that size would put in one slot
   * without the mixing); the map holds what a HashMap holds, through its growth, and hands them
   * out in the order they came.
   */
  @Test
  void holds_what_a_hash_map_holds_through_growth_and_copies() {
    IdMap ids = new IdMap();
    Map<Integer, Figure> reference = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      int kind = random.nextInt(3);
      int id = kind == 0 ? random.nextInt(14_000) : kind == 1 ? 5_000 + random.nextInt(300) : 1_024 * random.nextInt(13);
      if (random.nextInt(4) == 0) {
        Figure f = new Figure();
        f.value = i;
        ids.put(id, f);
        reference.put(id, f);
      } else {
        ids.figure(id).value += 1;
        reference.computeIfAbsent(id, k -> new Figure()).value += 1;
      }
    }
    assertThat(ids.size()).isEqualTo(reference.size()).isGreaterThan(5_000);
    Map<Integer, Double> seen = new HashMap<>();
    ids.forEach((id, f) -> seen.put(id, f.value));
    Map<Integer, Double> expected = new HashMap<>();
    reference.forEach((id, f) -> expected.put(id, f.value));
    assertThat(seen).isEqualTo(expected);
    // in the order the ids came, as a LinkedHashMap keeps them
    List<Integer> order = new ArrayList<>();
    ids.forEach((id, f) -> order.add(id));
    assertThat(order).containsExactlyElementsOf(reference.keySet());
    assertThat(ids.containsKey(14_001)).isFalse();
    assertThat(ids.get(14_001)).isNull();

    IdMap copy = ids.copy();
    copy.put(14_001, new Figure());
    assertThat(copy.size()).isEqualTo(ids.size() + 1);
    assertThat(ids.containsKey(14_001)).isFalse();
    assertThat(copy.get(0)).isSameAs(ids.get(0));
  }
}
