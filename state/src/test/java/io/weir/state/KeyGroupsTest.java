package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {

  /**
   * Pinned values: routing and every snapshot depend on them, in every JVM. If this test fails,
   * the function changed and old savepoints would restore state into the wrong key groups.
   */
  @Test
  void assignmentIsPinned() {
    assertEquals(94, KeyGroups.assign(0L, 128));
    assertEquals(86, KeyGroups.assign(1L, 128));
    assertEquals(29, KeyGroups.assign(42L, 128));
    assertEquals(86, KeyGroups.assign(1, 128));
    assertEquals(81, KeyGroups.assign("a", 128));
    assertEquals(35, KeyGroups.assign("hello", 128));
    assertEquals(75, KeyGroups.assign(Row.of("a", 1L), 128));
    assertEquals(88, KeyGroups.assign(Row.of(1, null, "x"), 128));
    assertEquals(5, KeyGroups.assign(new BigDecimal("1.50"), 128));
    assertEquals(515, KeyGroups.assign(Row.of("a", 1L), 1000));
  }

  /** Row.hashCode includes RowKind's identity hash, which differs between JVMs; ours must not. */
  @Test
  void rowHashIgnoresKindAndEqualsDeepHashOfFields() {
    Row insert = Row.of("a", 1L, new byte[] {1, 2});
    assertEquals(KeyGroups.hash(insert), KeyGroups.hash(insert.withKind(RowKind.UPDATE_AFTER)));
    assertEquals(
        java.util.Arrays.deepHashCode(new Object[] {"a", 1L, new byte[] {1, 2}}),
        KeyGroups.hash(insert));
  }

  @Test
  void nestedValuesHashByContent() {
    Row nested = Row.of(List.of(Row.of(1)), Map.of("k", Row.of(2)), new byte[] {3});
    Row same = Row.of(List.of(Row.of(1)), Map.of("k", Row.of(2)), new byte[] {3});
    assertEquals(KeyGroups.hash(nested), KeyGroups.hash(same));
    assertEquals(List.of(1L, 2L).hashCode(), KeyGroups.hash(List.of(1L, 2L)));
    assertEquals(RowKind.DELETE.name().hashCode(), KeyGroups.hash(RowKind.DELETE));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 128, 1000})
  void rangesOfAllTasksPartitionTheKeyGroups(int maxParallelism) {
    for (int p = 1; p <= maxParallelism; p++) {
      int next = 0;
      for (int task = 0; task < p; task++) {
        KeyGroupRange range = KeyGroupRange.forTask(maxParallelism, p, task);
        assertEquals(next, range.start(), "max " + maxParallelism + " p " + p + " task " + task);
        int expectedSize = maxParallelism / p;
        assertTrue(range.size() == expectedSize || range.size() == expectedSize + 1, range::toString);
        for (int kg = range.start(); kg <= range.endInclusive(); kg++) {
          assertEquals(task, KeyGroups.taskFor(kg, maxParallelism, p));
        }
        next = range.endInclusive() + 1;
      }
      assertEquals(maxParallelism, next);
    }
  }

  @Test
  void flinksExampleRanges() {
    assertEquals(new KeyGroupRange(0, 42), KeyGroupRange.forTask(128, 3, 0));
    assertEquals(new KeyGroupRange(43, 85), KeyGroupRange.forTask(128, 3, 1));
    assertEquals(new KeyGroupRange(86, 127), KeyGroupRange.forTask(128, 3, 2));
    assertEquals(new KeyGroupRange(0, 127), KeyGroupRange.all(128));
  }

  @Test
  void everyKeyLandsInRangeAndOnItsTask() {
    for (long k = 0; k < 10_000; k++) {
      int kg = KeyGroups.assign(k, 128);
      assertTrue(kg >= 0 && kg < 128);
      int task = KeyGroups.taskForKey(k, 128, 5);
      assertTrue(KeyGroupRange.forTask(128, 5, task).contains(kg));
    }
  }

  @Test
  void badArgumentsNameTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyGroupRange.forTask(128, 129, 0));
    assertTrue(e.getMessage().contains("129"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KeyGroupRange.forTask(128, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> KeyGroups.assign("a", 0));
    assertThrows(IllegalArgumentException.class, () -> KeyGroups.taskFor(128, 128, 2));
    assertThrows(IllegalArgumentException.class, () -> new KeyGroupRange(5, 4));
  }
}
