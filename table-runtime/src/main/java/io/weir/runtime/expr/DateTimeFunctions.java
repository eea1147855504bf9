package io.weir.runtime.expr;

import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Date and time functions, with Flink's semantics: TIMESTAMP is zone-less, TIMESTAMP_LTZ an instant. */
final class DateTimeFunctions {
  private DateTimeFunctions() {}

  interface Registrar {
    void register(BuiltinFunctions.Function f, String... names);
  }

  static void registerAll(Registrar r) {
    r.register(DateTimeFunctions::extract, "EXTRACT");
    for (String unit : new String[] {"YEAR", "QUARTER", "MONTH", "WEEK", "HOUR", "MINUTE", "SECOND", "DAYOFYEAR", "DAYOFMONTH", "DAYOFWEEK"}) {
      String u = unit.equals("DAYOFMONTH") ? "DAY" : unit.equals("DAYOFYEAR") ? "DOY" : unit.equals("DAYOFWEEK") ? "DOW" : unit;
      r.register(a -> {
        LogicalType t = a.type(0);
        ZoneId zone = a.context().zone();
        return BuiltinFunctions.strict1Of(a, v -> Values.coerceNumber(extractField(u, v, t, zone), a.returnType()));
      }, unit);
    }
    r.register(DateTimeFunctions::dateFormat, "DATE_FORMAT");
    r.register(a -> {
      DateTimeFormatter f = a.size() > 1 ? formatter((String) a.literal(1)) : null;
      return BuiltinFunctions.strictNOf(a, v -> {
        DateTimeFormatter fmt = f != null ? f : a.size() > 1 ? formatter((String) v[1]) : null;
        return parseLocal((String) v[0], fmt);
      });
    }, "TO_TIMESTAMP");
    r.register(a -> BuiltinFunctions.strictNOf(a, v -> {
      DateTimeFormatter fmt = a.size() > 1 ? formatter((String) v[1]) : DateTimeFormatter.ISO_LOCAL_DATE;
      return (int) LocalDate.parse(((String) v[0]).trim(), fmt).toEpochDay();
    }), "TO_DATE");
    r.register(a -> {
      int precision = a.size() > 1 ? ((Number) a.literal(1)).intValue() : 3;
      return BuiltinFunctions.strictNOf(a, v -> {
        BigDecimal n = Values.toDecimal(v[0]);
        return precision == 0 ? n.movePointRight(3).longValue() : n.longValue();
      });
    }, "TO_TIMESTAMP_LTZ");
    r.register(a -> {
      ZoneId zone = a.context().zone();
      if (a.size() == 0) {
        return row -> System.currentTimeMillis() / 1000L;
      }
      return BuiltinFunctions.strictNOf(a, v -> {
        DateTimeFormatter fmt = v.length > 1 ? formatter((String) v[1]) : null;
        long local = parseLocal((String) v[0], fmt);
        return Casts.localMillisToLtz(local, zone) / 1000L;
      });
    }, "UNIX_TIMESTAMP");
    r.register(a -> {
      ZoneId zone = a.context().zone();
      return BuiltinFunctions.strictNOf(a, v -> {
        DateTimeFormatter fmt = v.length > 1 ? formatter((String) v[1]) : formatter("yyyy-MM-dd HH:mm:ss");
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(((Number) v[0]).longValue()), zone).format(fmt);
      });
    }, "FROM_UNIXTIME");
    r.register(a -> row -> System.currentTimeMillis(), "CURRENT_TIMESTAMP", "NOW", "CURRENT_ROW_TIMESTAMP", "PROCTIME");
    r.register(a -> {
      ZoneId zone = a.context().zone();
      return row -> Casts.ltzToLocalMillis(System.currentTimeMillis(), zone);
    }, "LOCALTIMESTAMP");
    r.register(a -> {
      ZoneId zone = a.context().zone();
      return row -> (int) Math.floorDiv(Casts.ltzToLocalMillis(System.currentTimeMillis(), zone), Casts.MILLIS_PER_DAY);
    }, "CURRENT_DATE");
    r.register(a -> {
      ZoneId zone = a.context().zone();
      return row -> (int) Math.floorMod(Casts.ltzToLocalMillis(System.currentTimeMillis(), zone), Casts.MILLIS_PER_DAY);
    }, "CURRENT_TIME", "LOCALTIME");
    r.register(a -> {
      // TIMESTAMPDIFF(unit, t1, t2): whole units from t1 to t2.
      String unit = String.valueOf(a.literal(0));
      LogicalType t1 = a.type(1);
      LogicalType t2 = a.type(2);
      ZoneId zone = a.context().zone();
      return BuiltinFunctions.strictNOf(a, v -> {
        LocalDateTime x = toLocal(v[1], t1, zone);
        LocalDateTime y = toLocal(v[2], t2, zone);
        long n = switch (unit) {
          case "YEAR" -> ChronoUnit.YEARS.between(x, y);
          case "QUARTER" -> ChronoUnit.MONTHS.between(x, y) / 3;
          case "MONTH" -> ChronoUnit.MONTHS.between(x, y);
          case "WEEK" -> ChronoUnit.WEEKS.between(x, y);
          case "DAY" -> ChronoUnit.DAYS.between(x, y);
          case "HOUR" -> ChronoUnit.HOURS.between(x, y);
          case "MINUTE" -> ChronoUnit.MINUTES.between(x, y);
          case "SECOND" -> ChronoUnit.SECONDS.between(x, y);
          default -> ChronoUnit.MILLIS.between(x, y);
        };
        return Values.coerceNumber(n, a.returnType());
      });
    }, "TIMESTAMPDIFF");
  }

  private static LocalDateTime toLocal(Object v, LogicalType t, ZoneId zone) {
    long millis = switch (t.root()) {
      case DATE -> ((Integer) v) * Casts.MILLIS_PER_DAY;
      case TIMESTAMP_LTZ -> Casts.ltzToLocalMillis((Long) v, zone);
      default -> (Long) v;
    };
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  private static DateTimeFormatter formatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  /** Parses a local date-time with {@code fmt}, or Flink's default forms when null. */
  private static long parseLocal(String s, DateTimeFormatter fmt) {
    try {
      if (fmt == null) {
        return LocalDateTime.parse(s.trim(), Casts.TIMESTAMP_PARSER).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      java.time.temporal.TemporalAccessor t = fmt.parse(s.trim());
      LocalDate date = t.query(java.time.temporal.TemporalQueries.localDate());
      java.time.LocalTime time = t.query(java.time.temporal.TemporalQueries.localTime());
      return LocalDateTime.of(date, time == null ? java.time.LocalTime.MIDNIGHT : time).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (RuntimeException e) {
      throw new WeirException("Cannot parse '" + s + "' as a timestamp" + (fmt == null ? "" : " with the given format"), e);
    }
  }

  private static RowExpression dateFormat(BuiltinFunctions.Args a) {
    Object lit = a.literal(1);
    DateTimeFormatter fixed = lit != null ? formatter((String) lit) : null;
    LogicalType t = a.type(0);
    ZoneId zone = a.context().zone();
    long bucket = lit == null ? 0 : unchangedFor((String) lit);
    if (bucket > 0 && (t.root() == TypeRoot.TIMESTAMP || t.root() == TypeRoot.TIMESTAMP_LTZ)) {
      // Timestamps arrive nearly in order: format once per second or minute, not once per row.
      return BuiltinFunctions.strictNOf(a, new java.util.function.Function<Object[], Object>() {
        private long lastBucket = Long.MIN_VALUE;
        private String last;

        @Override
        public Object apply(Object[] v) {
          long b = Math.floorDiv((Long) v[0], bucket);
          if (b != lastBucket) {
            last = toLocal(v[0], t, zone).format(fixed);
            lastBucket = b;
          }
          return last;
        }
      });
    }
    return BuiltinFunctions.strictNOf(a, v -> {
      DateTimeFormatter fmt = fixed != null ? fixed : formatter((String) v[1]);
      LocalDateTime ldt = t.root().isCharacterString()
          ? toLocal(parseLocal((String) v[0], null), t.withNullable(true).root() == TypeRoot.VARCHAR ? io.weir.common.types.LogicalType.timestamp(3) : t, zone)
          : toLocal(v[0], t, zone);
      return ldt.format(fmt);
    });
  }

  /**
   * How long (ms) a formatted timestamp stays the same with {@code pattern}: 60 000 when it shows
   * nothing finer than minutes, 1 000 for seconds, 0 (format every time) for anything finer or not
   * understood. Minute-aligned buckets hold in every time zone, whose offsets are whole minutes.
   */
  static long unchangedFor(String pattern) {
    long bucket = 60_000L;
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && Character.isLetter(c)) {
        if (c == 's') {
          bucket = Math.min(bucket, 1000L);
        } else if ("yMdHhmEaDLuQqwWeckK".indexOf(c) < 0) {
          return 0; // fractions of seconds, zones, or a letter not reviewed here
        }
      }
    }
    return bucket;
  }

  private static RowExpression extract(BuiltinFunctions.Args a) {
    String unit = String.valueOf(a.literal(0));
    LogicalType t = a.type(1);
    ZoneId zone = a.context().zone();
    LogicalType rt = a.returnType();
    io.weir.runtime.expr.RowExpression x = a.get(1);
    return row -> {
      Object v = x.eval(row);
      return v == null ? null : Values.coerceNumber(extractField(unit, v, t, zone), rt);
    };
  }

  static long extractField(String unit, Object v, LogicalType t, ZoneId zone) {
    if (t.root() == TypeRoot.INTERVAL_DAY_TIME) {
      long ms = (Long) v;
      return switch (unit) {
        case "DAY" -> ms / Casts.MILLIS_PER_DAY;
        case "HOUR" -> (ms / 3_600_000L) % 24;
        case "MINUTE" -> (ms / 60_000L) % 60;
        case "SECOND" -> (ms / 1000L) % 60;
        default -> ms;
      };
    }
    if (t.root() == TypeRoot.TIME) {
      int ms = (Integer) v;
      return switch (unit) {
        case "HOUR" -> ms / 3_600_000;
        case "MINUTE" -> (ms / 60_000) % 60;
        case "SECOND" -> (ms / 1000) % 60;
        case "MILLISECOND" -> ms % 1000;
        default -> throw new WeirException("Cannot extract " + unit + " from TIME");
      };
    }
    LocalDateTime d = toLocal(v, t, zone);
    return switch (unit) {
      case "YEAR" -> d.getYear();
      case "QUARTER" -> (d.getMonthValue() - 1) / 3 + 1;
      case "MONTH" -> d.getMonthValue();
      case "WEEK" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY" -> d.getDayOfMonth();
      case "DOY" -> d.getDayOfYear();
      case "DOW" -> d.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : d.getDayOfWeek().getValue() + 1;
      case "ISODOW" -> d.getDayOfWeek().getValue();
      case "HOUR" -> d.getHour();
      case "MINUTE" -> d.getMinute();
      case "SECOND" -> d.getSecond();
      case "MILLISECOND" -> d.getSecond() * 1000L + d.getNano() / 1_000_000;
      case "MICROSECOND" -> d.getSecond() * 1_000_000L + d.getNano() / 1_000;
      case "EPOCH" -> Math.floorDiv(d.toInstant(ZoneOffset.UTC).toEpochMilli(), 1000L);
      default -> throw new WeirException("Cannot extract " + unit + " from " + t.asSummaryString());
    };
  }

  /** FLOOR/CEIL of a number, or of a datetime to a unit ({@code FLOOR(ts TO HOUR)}). */
  static RowExpression floorCeil(BuiltinFunctions.Args a, boolean floor) {
    LogicalType t = a.type(0);
    LogicalType rt = a.returnType();
    if (a.size() == 1) {
      return BuiltinFunctions.strict1Of(a, v -> switch (t.root()) {
        case DOUBLE -> floor ? Math.floor((Double) v) : Math.ceil((Double) v);
        case FLOAT -> (float) (floor ? Math.floor((Float) v) : Math.ceil((Float) v));
        case DECIMAL -> Values.coerceNumber(((BigDecimal) v).setScale(0, floor ? RoundingMode.FLOOR : RoundingMode.CEILING), rt);
        default -> v;
      });
    }
    String unit = String.valueOf(a.literal(1));
    ZoneId zone = a.context().zone();
    RowExpression x = a.get(0);
    return row -> {
      Object v = x.eval(row);
      if (v == null) {
        return null;
      }
      LocalDateTime d = toLocal(v, t, zone);
      LocalDateTime f = switch (unit) {
        case "YEAR" -> d.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        case "QUARTER" -> d.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth(((d.getMonthValue() - 1) / 3) * 3 + 1);
        case "MONTH" -> d.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        case "WEEK" -> d.truncatedTo(ChronoUnit.DAYS).minusDays(d.getDayOfWeek().getValue() % 7);
        case "DAY" -> d.truncatedTo(ChronoUnit.DAYS);
        case "HOUR" -> d.truncatedTo(ChronoUnit.HOURS);
        case "MINUTE" -> d.truncatedTo(ChronoUnit.MINUTES);
        case "SECOND" -> d.truncatedTo(ChronoUnit.SECONDS);
        default -> d.truncatedTo(ChronoUnit.MILLIS);
      };
      if (!floor && !f.equals(d)) {
        f = switch (unit) {
          case "YEAR" -> f.plusYears(1);
          case "QUARTER" -> f.plusMonths(3);
          case "MONTH" -> f.plusMonths(1);
          case "WEEK" -> f.plusWeeks(1);
          case "DAY" -> f.plusDays(1);
          case "HOUR" -> f.plusHours(1);
          case "MINUTE" -> f.plusMinutes(1);
          default -> f.plusSeconds(1);
        };
      }
      long local = f.toInstant(ZoneOffset.UTC).toEpochMilli();
      return switch (t.root()) {
        case DATE -> (int) Math.floorDiv(local, Casts.MILLIS_PER_DAY);
        case TIMESTAMP_LTZ -> Casts.localMillisToLtz(local, zone);
        default -> local;
      };
    };
  }
}
