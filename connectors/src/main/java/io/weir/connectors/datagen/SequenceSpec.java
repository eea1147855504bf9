package io.weir.connectors.datagen;

import static io.weir.connectors.datagen.DataGenOptions.END;
import static io.weir.connectors.datagen.DataGenOptions.START;

import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.function.LongFunction;

/**
 * A column of kind {@code sequence}: the values {@code start} to {@code end}, both inclusive, each
 * exactly once over all splits. The range is cut into contiguous chunks, one per split, so parallel
 * readers never emit the same value. Numbers, strings (the number as text) and bytes (the number as
 * 8 big-endian bytes) can be sequences, as in Flink.
 */
final class SequenceSpec implements GeneratorSpec {
  private final long start;
  private final long count;
  private final LongFunction<Object> toValue;

  private SequenceSpec(long start, long count, LongFunction<Object> toValue) {
    this.start = start;
    this.count = count;
    this.toValue = toValue;
  }

  static SequenceSpec create(String column, LogicalType type, FieldOptions options) {
    // Both are looked up (no short-circuit), so both count as valid keys in later messages.
    if (!options.has(column, START) | !options.has(column, END)) {
      throw options.table().error(
          "Column '" + column + "' has kind 'sequence', which needs both '"
              + FieldOptions.key(column, START) + "' and '" + FieldOptions.key(column, END) + "'.");
    }
    long start = options.getLong(column, START, 0);
    long end = options.getLong(column, END, 0);
    LongFunction<Object> toValue =
        switch (type.root()) {
          case TINYINT -> {
            checkRange(column, options, start, end, Byte.MIN_VALUE, Byte.MAX_VALUE);
            yield v -> (byte) v;
          }
          case SMALLINT -> {
            checkRange(column, options, start, end, Short.MIN_VALUE, Short.MAX_VALUE);
            yield v -> (short) v;
          }
          case INTEGER -> {
            checkRange(column, options, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE);
            yield v -> (int) v;
          }
          case BIGINT -> v -> v;
          case FLOAT -> v -> (float) v;
          case DOUBLE -> v -> (double) v;
          case DECIMAL -> {
            int scale = type.scale();
            yield v -> BigDecimal.valueOf(v).setScale(scale);
          }
          case CHAR, VARCHAR -> String::valueOf;
          case BINARY, VARBINARY -> v -> ByteBuffer.allocate(Long.BYTES).putLong(v).array();
          default -> throw options.table().error(
              "Column '" + column + "' has type " + type.asSummaryString() + ", which cannot be a"
                  + " sequence; kind 'sequence' is for numbers, strings and bytes.");
        };
    if (start > end) {
      throw options.table().error(
          "Option '" + FieldOptions.key(column, START) + "' (" + start + ") is greater than '"
              + FieldOptions.key(column, END) + "' (" + end + ").");
    }
    long count;
    try {
      count = Math.addExact(Math.subtractExact(end, start), 1);
    } catch (ArithmeticException e) {
      count = Long.MAX_VALUE; // more values than anyone will wait for
    }
    return new SequenceSpec(start, count, toValue);
  }

  private static void checkRange(
      String column, FieldOptions options, long start, long end, long min, long max) {
    if (start < min || start > max) {
      throw options.invalid(column, START, String.valueOf(start), "a value in [" + min + ", " + max + "]");
    }
    if (end < min || end > max) {
      throw options.invalid(column, END, String.valueOf(end), "a value in [" + min + ", " + max + "]");
    }
  }

  @Override
  public boolean isBounded() {
    return true;
  }

  @Override
  public long limit(int split, int splits) {
    return count / splits + (split < count % splits ? 1 : 0);
  }

  private long chunkStart(int split, int splits) {
    long base = count / splits;
    long rest = count % splits;
    return start + split * base + Math.min(split, rest);
  }

  @Override
  public FieldGenerator create(int split, int splits) {
    long first = chunkStart(split, splits);
    return new FieldGenerator() {
      private long next = first;

      @Override
      public Object next(java.util.SplittableRandom random) {
        return toValue.apply(next++);
      }

      @Override
      public void skip(long count) {
        next += count;
      }
    };
  }
}
