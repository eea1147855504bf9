package io.weir.engine.oracle;

import io.weir.common.data.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a changelog into the table it describes, for comparing streaming results with batch answers. */
public final class Changelogs {
  private Changelogs() {}

  /** The table a changelog leaves: inserts and update-afters add a row, the others take one away. */
  public static List<List<String>> apply(List<Row> changelog) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (Row r : changelog) {
      List<String> key = new ArrayList<>();
      for (int i = 0; i < r.arity(); i++) {
        key.add(normalize(r.field(i)));
      }
      int delta = r.kind().isAccumulate() ? 1 : -1;
      int n = counts.merge(key, delta, Integer::sum);
      if (n < 0) {
        throw new AssertionError("changelog retracts a row it never added: " + r);
      }
      if (n == 0) {
        counts.remove(key);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    counts.forEach((row, n) -> {
      for (int i = 0; i < n; i++) {
        rows.add(row);
      }
    });
    return rows;
  }

  /** Numbers by value (1, 1.0 and 1.00 are equal), everything else as text. */
  public static String normalize(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
