package io.weir.connectors.datagen;

import static io.weir.connectors.datagen.DataGenOptions.LENGTH;
import static io.weir.connectors.datagen.DataGenOptions.MAX;
import static io.weir.connectors.datagen.DataGenOptions.MAX_PAST;
import static io.weir.connectors.datagen.DataGenOptions.MIN;
import static io.weir.connectors.datagen.DataGenOptions.NULL_RATE;
import static io.weir.connectors.datagen.DataGenOptions.VAR_LEN;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random generators for every type, configured as Flink's datagen does: numbers uniform in
 * [{@code min}, {@code max}] (default: the type's range; FLOAT, DOUBLE and DECIMAL default to
 * [smallest positive, largest] as in Flink); strings of {@code length} hex characters (default: the
 * declared length, 100 for STRING; CHAR(n) always n); bytes likewise; DATE today and TIME now;
 * TIMESTAMP and TIMESTAMP_LTZ now minus up to {@code max-past}; ARRAY and MAP of {@code length}
 * (default 3) elements, whose element, key and value generators take options under {@code
 * fields.<f>.element.*}, {@code fields.<f>.key.*}, {@code fields.<f>.value.*}; ROW fields under
 * {@code fields.<f>.<nested>.*}. Every type takes {@code null-rate}.
 */
final class RandomGenerators {
  private static final int DEFAULT_STRING_LENGTH = 100;
  private static final int DEFAULT_COLLECTION_LENGTH = 3;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RandomGenerators() {}

  /** The generator of field {@code name} (a column, or a path such as {@code tags.element}). */
  static FieldGenerator create(String name, LogicalType type, FieldOptions options) {
    FieldGenerator g = createNotNull(name, type, options);
    double nullRate = options.getDouble(name, NULL_RATE, 0.0);
    if (nullRate < 0 || nullRate > 1) {
      throw options.invalid(name, NULL_RATE, String.valueOf(nullRate), "a rate between 0 and 1");
    }
    if (nullRate == 0) {
      return g;
    }
    return r -> r.nextDouble() < nullRate ? null : g.next(r);
  }

  private static FieldGenerator createNotNull(String name, LogicalType type, FieldOptions options) {
    return switch (type.root()) {
      case BOOLEAN -> r -> r.nextBoolean();
      case TINYINT -> {
        long[] range = range(name, options, Byte.MIN_VALUE, Byte.MAX_VALUE);
        yield r -> (byte) uniform(r, range[0], range[1]);
      }
      case SMALLINT -> {
        long[] range = range(name, options, Short.MIN_VALUE, Short.MAX_VALUE);
        yield r -> (short) uniform(r, range[0], range[1]);
      }
      case INTEGER -> {
        long[] range = range(name, options, Integer.MIN_VALUE, Integer.MAX_VALUE);
        yield r -> (int) uniform(r, range[0], range[1]);
      }
      case BIGINT -> {
        long[] range = range(name, options, Long.MIN_VALUE, Long.MAX_VALUE);
        yield r -> uniform(r, range[0], range[1]);
      }
      case INTERVAL_YEAR_MONTH -> {
        long[] range = range(name, options, 0, 120_000);
        yield r -> (int) uniform(r, range[0], range[1]);
      }
      case INTERVAL_DAY_TIME -> {
        long[] range = range(name, options, Long.MIN_VALUE, Long.MAX_VALUE);
        yield r -> uniform(r, range[0], range[1]);
      }
      case FLOAT -> {
        double[] range = doubleRange(name, options, Float.MIN_VALUE, Float.MAX_VALUE);
        yield r -> (float) uniform(r, range[0], range[1]);
      }
      case DOUBLE -> {
        double[] range = doubleRange(name, options, Double.MIN_VALUE, Double.MAX_VALUE);
        yield r -> uniform(r, range[0], range[1]);
      }
      case DECIMAL -> decimal(name, type, options);
      case CHAR -> string(type.precision(), false);
      case VARCHAR -> {
        int length = length(name, options, type.precision() == LogicalType.MAX_LENGTH
            ? DEFAULT_STRING_LENGTH : type.precision());
        yield string(length, options.getBoolean(name, VAR_LEN));
      }
      case BINARY -> bytes(type.precision(), false);
      case VARBINARY -> {
        int length = length(name, options, type.precision() == LogicalType.MAX_LENGTH
            ? DEFAULT_STRING_LENGTH : type.precision());
        yield bytes(length, options.getBoolean(name, VAR_LEN));
      }
      case DATE -> r -> (int) LocalDate.now().toEpochDay();
      case TIME -> r -> (int) (LocalTime.now().toNanoOfDay() / 1_000_000L);
      case TIMESTAMP, TIMESTAMP_LTZ -> {
        long maxPast = options.getDuration(name, MAX_PAST).toMillis();
        yield maxPast > 0
            ? r -> System.currentTimeMillis() - r.nextLong(maxPast)
            : r -> System.currentTimeMillis();
      }
      case ARRAY -> {
        int length = length(name, options, DEFAULT_COLLECTION_LENGTH);
        FieldGenerator element = create(name + ".element", type.elementType(), options);
        yield r -> {
          List<Object> list = new ArrayList<>(length);
          for (int i = 0; i < length; i++) {
            list.add(element.next(r));
          }
          return list;
        };
      }
      case MAP -> {
        int length = length(name, options, DEFAULT_COLLECTION_LENGTH);
        FieldGenerator key = create(name + ".key", type.children().get(0).type(), options);
        FieldGenerator value = create(name + ".value", type.children().get(1).type(), options);
        yield r -> {
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < length; i++) {
            map.put(key.next(r), value.next(r));
          }
          return map;
        };
      }
      case ROW -> {
        List<LogicalType.Field> fields = type.children();
        FieldGenerator[] nested = new FieldGenerator[fields.size()];
        for (int i = 0; i < nested.length; i++) {
          nested[i] = create(name + "." + fields.get(i).name(), fields.get(i).type(), options);
        }
        yield r -> {
          Object[] values = new Object[nested.length];
          for (int i = 0; i < nested.length; i++) {
            values[i] = nested[i].next(r);
          }
          return Row.of(values);
        };
      }
      default -> throw options.table().error(
          "Column or field '" + name + "' has type " + type.asSummaryString()
              + ", which the datagen connector cannot generate.");
    };
  }

  private static long[] range(String name, FieldOptions options, long typeMin, long typeMax) {
    long min = options.getLong(name, MIN, typeMin);
    long max = options.getLong(name, MAX, typeMax);
    if (min < typeMin || min > typeMax) {
      throw options.invalid(name, MIN, String.valueOf(min), "a value in [" + typeMin + ", " + typeMax + "]");
    }
    if (max < typeMin || max > typeMax) {
      throw options.invalid(name, MAX, String.valueOf(max), "a value in [" + typeMin + ", " + typeMax + "]");
    }
    if (min > max) {
      throw options.table().error(
          "Option '" + FieldOptions.key(name, MIN) + "' (" + min + ") is greater than '"
              + FieldOptions.key(name, MAX) + "' (" + max + ").");
    }
    return new long[] {min, max};
  }

  private static double[] doubleRange(String name, FieldOptions options, double defaultMin, double defaultMax) {
    double min = options.getDouble(name, MIN, defaultMin);
    double max = options.getDouble(name, MAX, defaultMax);
    if (min > max) {
      throw options.table().error(
          "Option '" + FieldOptions.key(name, MIN) + "' (" + min + ") is greater than '"
              + FieldOptions.key(name, MAX) + "' (" + max + ").");
    }
    return new double[] {min, max};
  }

  private static int length(String name, FieldOptions options, int defaultLength) {
    long length = options.getLong(name, LENGTH, defaultLength);
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw options.invalid(name, LENGTH, String.valueOf(length), "a non-negative length");
    }
    return (int) length;
  }

  /** Uniform in [min, max], both inclusive, for any range including the whole of long. */
  static long uniform(SplittableRandom r, long min, long max) {
    if (max < Long.MAX_VALUE) {
      return r.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return r.nextLong(min - 1, max) + 1;
    }
    return r.nextLong();
  }

  /** Uniform in [min, max], without overflow when max - min exceeds the double range. */
  static double uniform(SplittableRandom r, double min, double max) {
    double u = r.nextDouble();
    double v = min * (1 - u) + max * u;
    return v < min ? min : Math.min(v, max);
  }

  private static FieldGenerator decimal(String name, LogicalType type, FieldOptions options) {
    int precision = type.precision();
    int scale = type.scale();
    // The largest value the type holds, e.g. 999.99 for DECIMAL(5, 2).
    double largest = BigDecimal.ONE.movePointRight(precision - scale)
        .subtract(BigDecimal.ONE.movePointLeft(scale)).doubleValue();
    double[] range = doubleRange(name, options, Double.MIN_VALUE, Double.MAX_VALUE);
    double min = Math.max(range[0], -largest);
    double max = Math.min(range[1], largest);
    if (min > max) {
      throw options.table().error(
          "The range of '" + FieldOptions.key(name, MIN) + "' and '" + FieldOptions.key(name, MAX)
              + "' holds no value of type " + type.asSummaryString() + ".");
    }
    BigDecimal top = BigDecimal.ONE.movePointRight(precision - scale)
        .subtract(BigDecimal.ONE.movePointLeft(scale)).setScale(scale, RoundingMode.DOWN);
    return r -> {
      BigDecimal d = new BigDecimal(uniform(r, min, max)).setScale(scale, RoundingMode.DOWN);
      // A double next to the type's bound can round past it.
      if (d.precision() > precision) {
        return d.signum() > 0 ? top : top.negate();
      }
      return d;
    };
  }

  /** Hex strings, 16 characters per random long. */
  private static FieldGenerator string(int length, boolean varLen) {
    return r -> {
      int n = varLen && length > 1 ? 1 + r.nextInt(length) : length;
      char[] chars = new char[n];
      int i = 0;
      while (i < n) {
        long bits = r.nextLong();
        for (int k = 0; k < 16 && i < n; k++) {
          chars[i++] = HEX[(int) (bits & 0xF)];
          bits >>>= 4;
        }
      }
      return new String(chars);
    };
  }

  private static FieldGenerator bytes(int length, boolean varLen) {
    return r -> {
      byte[] b = new byte[varLen && length > 1 ? 1 + r.nextInt(length) : length];
      r.nextBytes(b);
      return b;
    };
  }
}
