package io.weir.connectors.datagen;

import static io.weir.connectors.datagen.DataGenOptions.KIND;
import static io.weir.connectors.datagen.DataGenOptions.RANDOM;
import static io.weir.connectors.datagen.DataGenOptions.SEQUENCE;

import io.weir.common.types.RowType;
import io.weir.connectors.internal.TableOptions;
import io.weir.runtime.connector.TableContext;
import java.util.List;

/**
 * A datagen table's options, checked and turned into one {@link GeneratorSpec} per physical column.
 * Every column is checked, read or not, so an option's meaning does not depend on the query.
 */
final class DataGenPlan {
  private final GeneratorSpec[] specs;
  private final Long numberOfRows;
  private final long rowsPerSecond;

  private DataGenPlan(GeneratorSpec[] specs, Long numberOfRows, long rowsPerSecond) {
    this.specs = specs;
    this.numberOfRows = numberOfRows;
    this.rowsPerSecond = rowsPerSecond;
  }

  static DataGenPlan of(TableContext context) {
    TableOptions options = TableOptions.of(context, "datagen");
    long rowsPerSecond = options.get(DataGenOptions.ROWS_PER_SECOND);
    if (rowsPerSecond <= 0) {
      throw options.error(
          "Invalid value '" + rowsPerSecond + "' for option 'rows-per-second': expected a positive number.");
    }
    Long numberOfRows = options.get(DataGenOptions.NUMBER_OF_ROWS);
    if (numberOfRows != null && numberOfRows < 0) {
      throw options.error(
          "Invalid value '" + numberOfRows + "' for option 'number-of-rows': expected zero or more.");
    }
    options.get(DataGenOptions.SCAN_PARALLELISM);

    RowType type = context.physicalType();
    FieldOptions fields = new FieldOptions(options);
    GeneratorSpec[] specs = new GeneratorSpec[type.arity()];
    for (int i = 0; i < specs.length; i++) {
      String name = type.name(i);
      String kind = fields.raw(name, KIND);
      if (kind == null || kind.trim().equalsIgnoreCase(RANDOM)) {
        specs[i] = GeneratorSpec.of(RandomGenerators.create(name, type.type(i), fields));
      } else if (kind.trim().equalsIgnoreCase(SEQUENCE)) {
        specs[i] = SequenceSpec.create(name, type.type(i), fields);
      } else {
        throw fields.invalid(name, KIND, kind, "'random' or 'sequence'");
      }
    }
    fields.checkAllUsed(type.names());
    return new DataGenPlan(specs, numberOfRows, rowsPerSecond);
  }

  /** Bounded when {@code number-of-rows} is set or any column is a sequence. */
  boolean isBounded() {
    if (numberOfRows != null) {
      return true;
    }
    for (GeneratorSpec s : specs) {
      if (s.isBounded()) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many rows split {@code split} emits: its share of {@code number-of-rows}, and no more than
   * its shortest sequence chunk — as in Flink, the source ends when the first sequence runs out.
   */
  long rowLimit(int split, int splits) {
    long limit = numberOfRows == null
        ? Long.MAX_VALUE
        : numberOfRows / splits + (split < numberOfRows % splits ? 1 : 0);
    for (GeneratorSpec s : specs) {
      limit = Math.min(limit, s.limit(split, splits));
    }
    return limit;
  }

  /** This split's share of {@code rows-per-second}; may be fractional. */
  double rowsPerSecond(int splits) {
    return (double) rowsPerSecond / splits;
  }

  /** Generators of the given physical fields for one split. */
  FieldGenerator[] generators(List<Integer> fields, int split, int splits) {
    FieldGenerator[] generators = new FieldGenerator[fields.size()];
    for (int i = 0; i < generators.length; i++) {
      generators[i] = specs[fields.get(i)].create(split, splits);
    }
    return generators;
  }
}
