package io.weir.runtime.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.plan.WindowSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {
  private static String windows(WindowSpec spec, long ts) {
    return String.join(" ", Windows.windowsFor(spec, ts).stream().map(w -> "[" + w[0] + "," + w[1] + ")").toList());
  }

  @Test
  void tumbleAlignsToTheEpochPlusOffsetAndEndsAreExclusive() {
    WindowSpec t = new WindowSpec.Tumble(10, 0);
    assertEquals("[0,10)", windows(t, 0));
    assertEquals("[0,10)", windows(t, 9));
    assertEquals("[10,20)", windows(t, 10));
    assertEquals("[-10,0)", windows(t, -1), "before the epoch: floor, not truncation");
    assertEquals("[3,13)", windows(new WindowSpec.Tumble(10, 3), 12));
    assertEquals("[-7,3)", windows(new WindowSpec.Tumble(10, 3), 2));
  }

  @Test
  void hopGivesEveryWindowHoldingTheTimestampInStartOrder() {
    assertEquals("[-40,20) [-20,40) [0,60)", windows(new WindowSpec.Hop(60, 20, 0), 5));
    assertEquals("[0,60) [20,80) [40,100)", windows(new WindowSpec.Hop(60, 20, 0), 59));
    assertEquals("[-30,20) [-10,40) [10,60)", windows(new WindowSpec.Hop(50, 20, 10), 15));
    // Windows shorter than their slide leave gaps: 7 is in none.
    assertEquals("[0,5)", windows(new WindowSpec.Hop(5, 10, 0), 4));
    assertEquals("", windows(new WindowSpec.Hop(5, 10, 0), 7));
  }

  @Test
  void cumulateGivesTheWindowsOfTheCycleEndingAfterTheTimestamp() {
    WindowSpec c = new WindowSpec.Cumulate(30, 10, 0);
    assertEquals("[0,10) [0,20) [0,30)", windows(c, 0));
    assertEquals("[0,20) [0,30)", windows(c, 15));
    assertEquals("[0,30)", windows(c, 29));
    assertEquals("[30,40) [30,50) [30,60)", windows(c, 30));
  }

  @Test
  void sessionHasNoPerRowAssignment() {
    assertThrows(IllegalArgumentException.class, () -> Windows.windowsFor(new WindowSpec.Session(10), 0));
  }

  @Test
  void forEachWindowMatchesWindowsFor() {
    StringBuilder sb = new StringBuilder();
    Windows.forEachWindow(new WindowSpec.Hop(30, 10, 0), 25, (s, e) -> sb.append(s).append('-').append(e).append(' '));
    assertEquals("0-30 10-40 20-50 ", sb.toString());
    assertEquals(List.of(0L, 10L, 20L), Windows.windowsFor(new WindowSpec.Hop(30, 10, 0), 25).stream().map(w -> w[0]).toList());
  }
}
