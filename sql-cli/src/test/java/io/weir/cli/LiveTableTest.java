package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models of the full-screen result views: the current table, and the changelog. */
class LiveTableTest {
  private static final RowType SCHEMA = RowType.builder().add("k", LogicalType.string()).add("n", LogicalType.bigint()).build();

  private static List<String> shown(ResultModel model) {
    return model.rows(0, 1_000).stream().map(Arrays::toString).toList();
  }

  @Test
  void anUpdateReplacesItsRowWhereItStands() {
    LiveTable table = new LiveTable(SCHEMA, ZoneOffset.UTC);
    table.apply(Row.of("a", 1L));
    table.apply(Row.of("b", 1L));
    table.apply(Row.of("c", 1L));
    table.apply(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L));
    table.apply(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
    table.apply(Row.ofKind(RowKind.DELETE, "b", 1L));
    table.apply(Row.of("d", null));

    assertEquals(List.of("[a, 2]", "[c, 1]", "[d, <NULL>]"), shown(table));
    assertEquals(3, table.size());
    assertEquals(7, table.changes());
    assertEquals(List.of("[c, 1]"), table.rows(1, 1).stream().map(Arrays::toString).toList());
  }

  @Test
  void duplicatesCountAndARetractionTakesOneAway() {
    LiveTable table = new LiveTable(SCHEMA, ZoneOffset.UTC);
    table.apply(Row.of("a", 1L));
    table.apply(Row.of("a", 1L));
    table.apply(Row.ofKind(RowKind.DELETE, "a", 1L));
    table.apply(Row.ofKind(RowKind.DELETE, "never", 9L));
    assertEquals(List.of("[a, 1]"), shown(table));
  }

  @Test
  void manyDeletesCompactWithoutReordering() {
    LiveTable table = new LiveTable(SCHEMA, ZoneOffset.UTC);
    for (long i = 0; i < 500; i++) {
      table.apply(Row.of("k" + i, i));
    }
    for (long i = 0; i < 500; i++) {
      if (i % 10 != 0) {
        table.apply(Row.ofKind(RowKind.DELETE, "k" + i, i));
      }
    }
    table.apply(Row.ofKind(RowKind.UPDATE_BEFORE, "k10", 10L));
    table.apply(Row.ofKind(RowKind.UPDATE_AFTER, "k10", 11L));
    List<String> rows = shown(table);
    assertEquals(50, rows.size());
    assertEquals(List.of("[k0, 0]", "[k10, 11]", "[k20, 20]"), rows.subList(0, 3));
  }

  @Test
  void changelogKeepsEveryChangeWithItsKindUpToItsCapacity() {
    ChangelogModel log = new ChangelogModel(SCHEMA, ZoneOffset.UTC, 3);
    log.apply(Row.of("a", 1L));
    log.apply(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L));
    assertEquals(List.of("op", "k", "n"), log.columns());
    assertEquals(List.of("[+I, a, 1]", "[-U, a, 1]"), shown(log));
    log.apply(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
    log.apply(Row.ofKind(RowKind.DELETE, "a", 2L));
    assertEquals(List.of("[-U, a, 1]", "[+U, a, 2]", "[-D, a, 2]"), shown(log));
    assertEquals(4, log.changes());
    assertEquals(List.of("[-D, a, 2]"), log.rows(2, 5).stream().map(Arrays::toString).toList());
  }
}
