package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LiveTableTest {
  private static final RowType SCHEMA = RowType.builder().add("k", LogicalType.string()).add("n", LogicalType.bigint()).build();

  @Test
  void updatesChangeRowsInPlaceAndRedrawOverThePreviousDrawing() {
    StringWriter buffer = new StringWriter();
    LiveTable table = new LiveTable(SCHEMA, ZoneId.of("UTC"), new PrintWriter(buffer));
    table.apply(Row.of("a", 1L));
    table.apply(Row.of("b", 1L));
    table.draw(Long.MIN_VALUE, "running");
    String first = buffer.toString();
    assertTrue(first.contains("| a | 1 |"), first);
    assertFalse(first.contains("\u001b["), "the first drawing moves no cursor");
    buffer.getBuffer().setLength(0);

    table.apply(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L));
    table.apply(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
    table.apply(Row.ofKind(RowKind.DELETE, "b", 1L));
    table.draw(1000L, "finished");
    String second = buffer.toString();
    int firstLines = (int) first.chars().filter(c -> c == '\n').count();
    assertTrue(second.startsWith("\u001b[" + firstLines + "A\u001b[J"), "redraws over the previous table");
    assertTrue(second.contains("| a | 2 |"), second);
    assertFalse(second.contains("| b |"), second);
    assertTrue(second.contains("rows: 1   changes: 5   watermark: 1970-01-01 00:00:01.000   finished"), second);
    assertEquals(1, table.size());
  }
}
