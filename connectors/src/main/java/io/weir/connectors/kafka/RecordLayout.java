package io.weir.connectors.kafka;

import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.connectors.internal.TableOptions;
import io.weir.runtime.connector.TableContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a table's physical columns live in a Kafka record: {@code key.fields} in the record key
 * (none without a key), and in the value either every column ({@code value.fields-include} =
 * {@code ALL}, Flink's default) or every column but the key's ({@code EXCEPT_KEY}).
 *
 * @param keyFields the key columns as physical indexes, in key order; null when records have no key
 * @param valueFields the value's columns as physical indexes; null when the value holds them all
 */
record RecordLayout(int arity, int[] keyFields, int[] valueFields) {

  /**
   * The layout {@code key.fields}, {@code key.format} and {@code value.fields-include} describe.
   * {@code primaryKey} gives the key columns instead when the connector keys by it (upsert-kafka).
   */
  static RecordLayout of(TableOptions options, TableContext context, int[] primaryKey) {
    RowType type = context.physicalType();
    String include = options.map().getOrDefault(KafkaOptions.VALUE_FIELDS_INCLUDE, "ALL").trim();
    boolean exceptKey;
    if (include.equalsIgnoreCase("ALL")) {
      exceptKey = false;
    } else if (include.equalsIgnoreCase("EXCEPT_KEY")) {
      exceptKey = true;
    } else {
      throw options.error("'" + KafkaOptions.VALUE_FIELDS_INCLUDE + "' = '" + include
          + "' is not one of 'ALL' (the value holds every column) or 'EXCEPT_KEY'");
    }
    int[] keyFields = primaryKey != null ? primaryKey : keyFields(options, type.names());
    if (keyFields == null) {
      if (exceptKey) {
        throw options.error("'" + KafkaOptions.VALUE_FIELDS_INCLUDE + "' = 'EXCEPT_KEY' needs the key columns:"
            + " '" + KafkaOptions.KEY_FORMAT + "' and '" + KafkaOptions.KEY_FIELDS + "'");
      }
      return new RecordLayout(type.arity(), null, null);
    }
    if (!exceptKey) {
      return new RecordLayout(type.arity(), keyFields, null);
    }
    int[] valueFields = IntStream.range(0, type.arity())
        .filter(i -> Arrays.stream(keyFields).noneMatch(k -> k == i)).toArray();
    if (valueFields.length == 0) {
      throw options.error("'" + KafkaOptions.VALUE_FIELDS_INCLUDE + "' = 'EXCEPT_KEY' leaves the value no column:"
          + " every column is a key column");
    }
    return new RecordLayout(type.arity(), keyFields, valueFields);
  }

  /**
   * The {@code key.fields} (separated by {@code ;}) as physical indexes, checked against {@code
   * key.format}; null when records have no key.
   */
  private static int[] keyFields(TableOptions options, List<String> names) {
    String raw = options.map().get(KafkaOptions.KEY_FIELDS);
    boolean hasFormat = options.contains(KafkaOptions.KEY_FORMAT);
    if (raw == null && !hasFormat) {
      return null;
    }
    if (raw == null || !hasFormat) {
      throw options.error("Record keys need both '" + KafkaOptions.KEY_FORMAT + "' and '" + KafkaOptions.KEY_FIELDS
          + "' (the key columns, separated by ';')");
    }
    return Arrays.stream(raw.split(";")).map(String::trim).mapToInt(name -> {
      int i = names.indexOf(name);
      if (i < 0) {
        throw options.error("'" + KafkaOptions.KEY_FIELDS + "' names '" + name + "', which is not a physical column;"
            + " the columns are " + names);
      }
      return i;
    }).toArray();
  }

  boolean hasKey() {
    return keyFields != null;
  }

  /** The type of the record key's row; only when {@link #hasKey()}. */
  RowType keyType(RowType physical) {
    return physical.project(keyFields);
  }

  /** The type of the record value's row. */
  RowType valueType(RowType physical) {
    return valueFields == null ? physical : physical.project(valueFields);
  }

  /** The key's columns of a table row. */
  Row key(Row row) {
    return project(row, keyFields);
  }

  /** The value's columns of a table row. */
  Row value(Row row) {
    return valueFields == null ? row : project(row, valueFields);
  }

  /**
   * The table row of a record: the value's columns from {@code value}, the key's from {@code key}
   * when the value does not hold them (or when there is no value: a tombstone's delete), else
   * nulls. Keeps the value's kind.
   */
  Row merge(Row key, Row value) {
    if (value != null && valueFields == null) {
      return value;
    }
    Object[] fields = new Object[arity];
    if (value != null) {
      for (int i = 0; i < valueFields.length; i++) {
        fields[valueFields[i]] = value.field(i);
      }
    }
    if (key != null) {
      for (int i = 0; i < keyFields.length; i++) {
        fields[keyFields[i]] = key.field(i);
      }
    }
    return value == null ? Row.of(fields) : Row.ofKind(value.kind(), fields);
  }

  private static Row project(Row row, int[] fields) {
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = row.field(fields[i]);
    }
    return Row.of(values);
  }
}
