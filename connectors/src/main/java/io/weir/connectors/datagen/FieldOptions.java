package io.weir.connectors.datagen;

import static io.weir.connectors.datagen.DataGenOptions.FIELDS;

import io.weir.common.config.Durations;
import io.weir.connectors.internal.TableOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the per-field options {@code fields.<field>.<option>} and remembers which keys were asked
 * for, so that a key nobody asked for — a typo, a column that does not exist, an option the field's
 * kind or type does not have — is reported with the keys that would have been valid.
 */
final class FieldOptions {
  private final TableOptions table;
  private final Set<String> asked = new LinkedHashSet<>();

  FieldOptions(TableOptions table) {
    this.table = table;
  }

  TableOptions table() {
    return table;
  }

  static String key(String field, String option) {
    return FIELDS + field + "." + option;
  }

  String raw(String field, String option) {
    String key = key(field, option);
    asked.add(key);
    return table.map().get(key);
  }

  boolean has(String field, String option) {
    return raw(field, option) != null;
  }

  long getLong(String field, String option, long defaultValue) {
    String raw = raw(field, option);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(field, option, raw, "an integer");
    }
  }

  double getDouble(String field, String option, double defaultValue) {
    String raw = raw(field, option);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(field, option, raw, "a number");
    }
  }

  boolean getBoolean(String field, String option) {
    String raw = raw(field, option);
    if (raw == null) {
      return false;
    }
    if (raw.trim().equalsIgnoreCase("true")) {
      return true;
    }
    if (raw.trim().equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(field, option, raw, "'true' or 'false'");
  }

  Duration getDuration(String field, String option) {
    String raw = raw(field, option);
    if (raw == null) {
      return Duration.ZERO;
    }
    try {
      return Durations.parse(raw);
    } catch (IllegalArgumentException e) {
      throw invalid(field, option, raw, "a duration such as '10 s' or '1 h'");
    }
  }

  RuntimeException invalid(String field, String option, String value, String expected) {
    return table.error(
        "Invalid value '" + value + "' for option '" + key(field, option) + "': expected " + expected + ".");
  }

  /**
   * Fails on the first {@code fields.*} key that no generator asked for.
   *
   * @param columns the table's physical column names
   */
  void checkAllUsed(List<String> columns) {
    for (String key : new TreeSet<>(table.map().keySet())) {
      if (!key.startsWith(FIELDS) || asked.contains(key)) {
        continue;
      }
      String column = null;
      for (String c : columns) {
        if (key.startsWith(FIELDS + c + ".") && (column == null || c.length() > column.length())) {
          column = c;
        }
      }
      if (column == null) {
        throw table.error(
            "Option '" + key + "' names no column of the table. Columns: " + String.join(", ", columns)
                + ". Per-field options are written 'fields.<column>.<option>'.");
      }
      List<String> valid = new ArrayList<>();
      for (String a : asked) {
        if (a.startsWith(FIELDS + column + ".")) {
          valid.add(a);
        }
      }
      throw table.error(
          "Unsupported option '" + key + "' for column '" + column + "'. Supported options for it: "
              + String.join(", ", valid) + ".");
    }
  }
}
