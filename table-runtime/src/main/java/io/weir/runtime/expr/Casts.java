package io.weir.runtime.expr;

import io.weir.common.data.ValueFormatter;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.function.UnaryOperator;

/** {@code CAST(x AS T)}: a conversion chosen once per (source type, target type). */
final class Casts {
  private Casts() {}

  static final long MILLIS_PER_DAY = 86_400_000L;

  /** Timestamps as Flink accepts them in strings: {@code 2020-04-15 08:05:00[.123]} or with {@code T}. */
  static final DateTimeFormatter TIMESTAMP_PARSER =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart().appendLiteral(' ').optionalEnd()
          .optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart()
          .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
          .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
          .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
          .toFormatter();

  static UnaryOperator<Object> cast(LogicalType from, LogicalType to, ZoneId zone) {
    TypeRoot f = from.root();
    TypeRoot t = to.root();
    if (f == TypeRoot.NULL) {
      return v -> null;
    }
    switch (t) {
      case CHAR, VARCHAR -> {
        if (f.isCharacterString()) {
          return v -> v;
        }
        return v -> ValueFormatter.format(v, from, null, zone);
      }
      case BOOLEAN -> {
        if (f == TypeRoot.BOOLEAN) {
          return v -> v;
        }
        if (f.isCharacterString()) {
          return v -> {
            String s = ((String) v).trim();
            if (s.equalsIgnoreCase("true")) {
              return true;
            }
            if (s.equalsIgnoreCase("false")) {
              return false;
            }
            throw castError(v, to);
          };
        }
        if (f.isNumeric()) {
          return v -> Values.toDecimal(v).signum() != 0;
        }
      }
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> {
        if (f.isNumeric()) {
          return v -> Values.coerceNumber(v, to);
        }
        if (f == TypeRoot.BOOLEAN) {
          return v -> Values.coerceNumber(((Boolean) v) ? 1 : 0, to);
        }
        if (f.isCharacterString()) {
          return v -> {
            try {
              return Values.coerceNumber(new BigDecimal(((String) v).trim()), to);
            } catch (NumberFormatException e) {
              throw castError(v, to);
            }
          };
        }
        if (f == TypeRoot.INTERVAL_DAY_TIME || f == TypeRoot.INTERVAL_YEAR_MONTH) {
          return v -> Values.coerceNumber(v, to);
        }
      }
      case DATE -> {
        if (f == TypeRoot.DATE) {
          return v -> v;
        }
        if (f == TypeRoot.TIMESTAMP) {
          return v -> (int) Math.floorDiv((Long) v, MILLIS_PER_DAY);
        }
        if (f == TypeRoot.TIMESTAMP_LTZ) {
          return v -> (int) Math.floorDiv(ltzToLocalMillis((Long) v, zone), MILLIS_PER_DAY);
        }
        if (f.isCharacterString()) {
          return v -> {
            try {
              return (int) LocalDate.parse(((String) v).trim()).toEpochDay();
            } catch (DateTimeParseException e) {
              throw castError(v, to);
            }
          };
        }
      }
      case TIME -> {
        if (f == TypeRoot.TIME) {
          return v -> v;
        }
        if (f == TypeRoot.TIMESTAMP) {
          return v -> (int) Math.floorMod((Long) v, MILLIS_PER_DAY);
        }
        if (f.isCharacterString()) {
          return v -> {
            try {
              return (int) (LocalTime.parse(((String) v).trim()).toNanoOfDay() / 1_000_000L);
            } catch (DateTimeParseException e) {
              throw castError(v, to);
            }
          };
        }
      }
      case TIMESTAMP -> {
        long unit = precisionUnit(to.precision());
        if (f == TypeRoot.TIMESTAMP) {
          return unit == 1 ? v -> v : v -> Math.floorDiv((Long) v, unit) * unit;
        }
        if (f == TypeRoot.TIMESTAMP_LTZ) {
          return v -> Math.floorDiv(ltzToLocalMillis((Long) v, zone), unit) * unit;
        }
        if (f == TypeRoot.DATE) {
          return v -> ((Integer) v) * MILLIS_PER_DAY;
        }
        if (f.isCharacterString()) {
          return v -> Math.floorDiv(parseTimestamp((String) v, to), unit) * unit;
        }
      }
      case TIMESTAMP_LTZ -> {
        if (f == TypeRoot.TIMESTAMP_LTZ) {
          return v -> v;
        }
        if (f == TypeRoot.TIMESTAMP) {
          return v -> localMillisToLtz((Long) v, zone);
        }
        if (f == TypeRoot.DATE) {
          return v -> localMillisToLtz(((Integer) v) * MILLIS_PER_DAY, zone);
        }
        if (f.isCharacterString()) {
          return v -> localMillisToLtz(parseTimestamp((String) v, to), zone);
        }
        if (f.isNumeric()) {
          // Flink: CAST(numeric AS TIMESTAMP_LTZ) reads seconds since the epoch.
          return v -> Values.toDecimal(v).movePointRight(3).longValue();
        }
      }
      case INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> {
        if (f == t || f.isNumeric()) {
          return v -> t == TypeRoot.INTERVAL_DAY_TIME ? (Object) ((Number) v).longValue() : (Object) ((Number) v).intValue();
        }
      }
      case BINARY, VARBINARY -> {
        if (f == TypeRoot.BINARY || f == TypeRoot.VARBINARY) {
          return v -> v;
        }
        if (f.isCharacterString()) {
          return v -> ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      default -> {
        if (f == t) {
          return v -> v;
        }
      }
    }
    throw new WeirException("Cannot cast " + from.asSummaryString() + " to " + to.asSummaryString());
  }

  static long parseTimestamp(String s, LogicalType to) {
    try {
      return LocalDateTime.parse(s.trim(), TIMESTAMP_PARSER).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw castError(s, to);
    }
  }

  static long ltzToLocalMillis(long epochMillis, ZoneId zone) {
    int offsetSeconds = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
    return epochMillis + offsetSeconds * 1000L;
  }

  static long localMillisToLtz(long localMillis, ZoneId zone) {
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(
        Math.floorDiv(localMillis, 1000L), (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    return ldt.atZone(zone).toInstant().toEpochMilli();
  }

  /** Millis per unit of a timestamp precision below 3: TIMESTAMP(0) keeps whole seconds. */
  static long precisionUnit(int precision) {
    return switch (Math.min(precision, 3)) {
      case 0 -> 1000L;
      case 1 -> 100L;
      case 2 -> 10L;
      default -> 1L;
    };
  }

  static WeirException castError(Object value, LogicalType to) {
    return new WeirException("Cannot cast '" + value + "' to " + to.asSummaryString());
  }
}
