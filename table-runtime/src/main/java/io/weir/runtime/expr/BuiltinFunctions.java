package io.weir.runtime.expr;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's built-in scalar functions, by the SQL name the planner writes into {@link
 * ExprSpec.Call}. Each entry turns compiled operands into one closure; type decisions (which
 * arithmetic, which comparison, which cast) are taken here, once, never per row.
 */
public final class BuiltinFunctions {
  private BuiltinFunctions() {}

  /** The compiled operands of a call, their types, and the call's result type. */
  public record Args(
      List<RowExpression> exprs,
      List<LogicalType> types,
      LogicalType returnType,
      CompileContext context,
      List<ExprSpec> specs) {

    RowExpression get(int i) {
      return exprs.get(i);
    }

    LogicalType type(int i) {
      return types.get(i);
    }

    int size() {
      return exprs.size();
    }

    /** The value of operand {@code i} when it is a literal, else {@code null}. */
    Object literal(int i) {
      return specs.get(i) instanceof ExprSpec.Literal l ? l.value() : null;
    }
  }

  /** Builds the closure of one call. */
  @FunctionalInterface
  public interface Function {
    RowExpression create(Args args);
  }

  private static final Map<String, Function> FUNCTIONS = new HashMap<>();
  private static final Set<String> NON_DETERMINISTIC =
      Set.of("RAND", "RAND_INTEGER", "UUID", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW",
          "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "CURRENT_ROW_TIMESTAMP", "PROCTIME", "UNIX_TIMESTAMP");

  public static Function lookup(String name) {
    return FUNCTIONS.get(name);
  }

  public static boolean isDeterministic(String name) {
    return !NON_DETERMINISTIC.contains(name);
  }

  /** Every function name the runtime knows, for {@code SHOW FUNCTIONS}. */
  public static Set<String> names() {
    return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(FUNCTIONS.keySet()));
  }

  private static void register(Function f, String... names) {
    for (String n : names) {
      FUNCTIONS.put(n, f);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static RowExpression strict1(Args a, java.util.function.UnaryOperator<Object> f) {
    RowExpression x = a.get(0);
    return row -> {
      Object v = x.eval(row);
      return v == null ? null : f.apply(v);
    };
  }

  private static RowExpression strict2(Args a, java.util.function.BinaryOperator<Object> f) {
    RowExpression x = a.get(0);
    RowExpression y = a.get(1);
    return row -> {
      Object u = x.eval(row);
      if (u == null) {
        return null;
      }
      Object v = y.eval(row);
      return v == null ? null : f.apply(u, v);
    };
  }

  /** Evaluates every operand; null when any is null, else {@code f} of the values. */
  private static RowExpression strictN(Args a, java.util.function.Function<Object[], Object> f) {
    RowExpression[] xs = a.exprs().toArray(new RowExpression[0]);
    return row -> {
      Object[] vs = new Object[xs.length];
      for (int i = 0; i < xs.length; i++) {
        vs[i] = xs[i].eval(row);
        if (vs[i] == null) {
          return null;
        }
      }
      return f.apply(vs);
    };
  }

  private static boolean isTemporal(TypeRoot r) {
    return r == TypeRoot.TIMESTAMP || r == TypeRoot.TIMESTAMP_LTZ || r == TypeRoot.DATE || r == TypeRoot.TIME;
  }

  private static MathContext DIVISION = new MathContext(38, RoundingMode.HALF_UP);

  // ---- arithmetic -------------------------------------------------------------------------------

  private enum Op { PLUS, MINUS, TIMES, DIVIDE, MOD }

  private static RowExpression arithmetic(Args a, Op op) {
    LogicalType rt = a.returnType();
    TypeRoot l = a.type(0).root();
    TypeRoot r = a.type(1).root();
    if (isTemporal(l) || isTemporal(r)) {
      return datetimeArithmetic(a, op);
    }
    return switch (rt.root()) {
      case TINYINT, SMALLINT, INTEGER -> strict2(a, (x, y) -> Values.coerceNumber(intOp(op, ((Number) x).intValue(), ((Number) y).intValue()), rt));
      case BIGINT, INTERVAL_DAY_TIME -> strict2(a, (x, y) -> longOp(op, ((Number) x).longValue(), ((Number) y).longValue()));
      case INTERVAL_YEAR_MONTH -> strict2(a, (x, y) -> (int) longOp(op, ((Number) x).longValue(), ((Number) y).longValue()));
      case FLOAT -> strict2(a, (x, y) -> (float) doubleOp(op, ((Number) x).doubleValue(), ((Number) y).doubleValue()));
      case DOUBLE -> strict2(a, (x, y) -> doubleOp(op, ((Number) x).doubleValue(), ((Number) y).doubleValue()));
      case DECIMAL -> {
        int scale = rt.scale();
        yield strict2(a, (x, y) -> decimalOp(op, Values.toDecimal(x), Values.toDecimal(y), scale));
      }
      default -> throw new WeirException("Arithmetic '" + op + "' is not defined for " + rt);
    };
  }

  private static int intOp(Op op, int x, int y) {
    return switch (op) {
      case PLUS -> x + y;
      case MINUS -> x - y;
      case TIMES -> x * y;
      case DIVIDE -> x / y;
      case MOD -> x % y;
    };
  }

  private static long longOp(Op op, long x, long y) {
    return switch (op) {
      case PLUS -> x + y;
      case MINUS -> x - y;
      case TIMES -> x * y;
      case DIVIDE -> x / y;
      case MOD -> x % y;
    };
  }

  private static double doubleOp(Op op, double x, double y) {
    return switch (op) {
      case PLUS -> x + y;
      case MINUS -> x - y;
      case TIMES -> x * y;
      case DIVIDE -> x / y;
      case MOD -> x % y;
    };
  }

  private static BigDecimal decimalOp(Op op, BigDecimal x, BigDecimal y, int scale) {
    BigDecimal r = switch (op) {
      case PLUS -> x.add(y);
      case MINUS -> x.subtract(y);
      case TIMES -> x.multiply(y);
      case DIVIDE -> x.divide(y, DIVISION);
      case MOD -> x.remainder(y);
    };
    return r.setScale(scale, RoundingMode.HALF_UP);
  }

  /** {@code ts ± interval}, {@code date ± interval}, and {@code ts - ts} (an interval). */
  private static RowExpression datetimeArithmetic(Args a, Op op) {
    TypeRoot l = a.type(0).root();
    TypeRoot r = a.type(1).root();
    boolean leftIsTime = isTemporal(l);
    int timeArg = leftIsTime ? 0 : 1;
    int otherArg = 1 - timeArg;
    TypeRoot timeRoot = a.type(timeArg).root();
    TypeRoot otherRoot = a.type(otherArg).root();
    long sign = op == Op.MINUS ? -1 : 1;
    RowExpression t = a.get(timeArg);
    RowExpression o = a.get(otherArg);
    if (isTemporal(otherRoot)) {
      // Difference of two datetimes: an interval in the result's unit.
      return strict2(a, (x, y) -> {
        long ms = toMillis(x, l) - toMillis(y, r);
        return a.returnType().root() == TypeRoot.INTERVAL_YEAR_MONTH ? (Object) (int) (ms / (30L * Casts.MILLIS_PER_DAY)) : (Object) ms;
      });
    }
    boolean months = otherRoot == TypeRoot.INTERVAL_YEAR_MONTH;
    return row -> {
      Object tv = t.eval(row);
      Object ov = o.eval(row);
      if (tv == null || ov == null) {
        return null;
      }
      long amount = sign * ((Number) ov).longValue();
      return switch (timeRoot) {
        case TIMESTAMP, TIMESTAMP_LTZ -> months
            ? java.time.LocalDateTime.ofEpochSecond(Math.floorDiv((Long) tv, 1000L), (int) Math.floorMod((Long) tv, 1000L) * 1_000_000, java.time.ZoneOffset.UTC)
                .plusMonths(amount).toInstant(java.time.ZoneOffset.UTC).toEpochMilli()
            : (Long) tv + amount;
        case DATE -> months
            ? (int) java.time.LocalDate.ofEpochDay((Integer) tv).plusMonths(amount).toEpochDay()
            : (int) ((Integer) tv + Math.floorDiv(amount, Casts.MILLIS_PER_DAY));
        case TIME -> (int) Math.floorMod((Integer) tv + amount, Casts.MILLIS_PER_DAY);
        default -> throw new IllegalStateException();
      };
    };
  }

  private static long toMillis(Object v, TypeRoot root) {
    return switch (root) {
      case DATE -> ((Integer) v) * Casts.MILLIS_PER_DAY;
      case TIME -> ((Integer) v).longValue();
      default -> (Long) v;
    };
  }

  // ---- comparison and logic ---------------------------------------------------------------------

  private interface IntPredicate {
    boolean test(int c);
  }

  private static RowExpression comparison(Args a, IntPredicate p) {
    Comparator<Object> cmp = Values.comparator(a.type(0), a.type(1));
    return strict2(a, (x, y) -> p.test(cmp.compare(x, y)));
  }

  private static RowExpression equality(Args a, boolean negate) {
    Comparator<Object> cmp = Values.comparator(a.type(0), a.type(1));
    return strict2(a, (x, y) -> Values.sqlEquals(x, y, cmp) != negate);
  }

  private static RowExpression distinct(Args a, boolean isDistinct) {
    Comparator<Object> cmp = Values.comparator(a.type(0), a.type(1));
    RowExpression x = a.get(0);
    RowExpression y = a.get(1);
    return row -> {
      Object u = x.eval(row);
      Object v = y.eval(row);
      boolean same = (u == null || v == null) ? u == v : Values.sqlEquals(u, v, cmp);
      return same != isDistinct;
    };
  }

  private static RowExpression and(Args a) {
    RowExpression[] xs = a.exprs().toArray(new RowExpression[0]);
    return row -> {
      boolean sawNull = false;
      for (RowExpression x : xs) {
        Object v = x.eval(row);
        if (v == null) {
          sawNull = true;
        } else if (!(Boolean) v) {
          return false;
        }
      }
      return sawNull ? null : Boolean.TRUE;
    };
  }

  private static RowExpression or(Args a) {
    RowExpression[] xs = a.exprs().toArray(new RowExpression[0]);
    return row -> {
      boolean sawNull = false;
      for (RowExpression x : xs) {
        Object v = x.eval(row);
        if (v == null) {
          sawNull = true;
        } else if ((Boolean) v) {
          return true;
        }
      }
      return sawNull ? null : Boolean.FALSE;
    };
  }

  private static RowExpression caseWhen(Args a) {
    int n = a.size();
    List<RowExpression> conds = new ArrayList<>();
    List<RowExpression> values = new ArrayList<>();
    for (int i = 0; i + 1 < n; i += 2) {
      conds.add(a.get(i));
      values.add(coerced(a, i + 1));
    }
    RowExpression otherwise = n % 2 == 1 ? coerced(a, n - 1) : row -> null;
    RowExpression[] c = conds.toArray(new RowExpression[0]);
    RowExpression[] v = values.toArray(new RowExpression[0]);
    return row -> {
      for (int i = 0; i < c.length; i++) {
        if (c[i].eval(row) == Boolean.TRUE) {
          return v[i].eval(row);
        }
      }
      return otherwise.eval(row);
    };
  }

  /** Operand {@code i} converted to the call's return type where both are numeric. */
  private static RowExpression coerced(Args a, int i) {
    RowExpression x = a.get(i);
    LogicalType from = a.type(i);
    LogicalType to = a.returnType();
    if (from.root() == to.root() && (from.root() != TypeRoot.DECIMAL || from.scale() == to.scale())) {
      return x;
    }
    if (from.root() == TypeRoot.NULL) {
      return x;
    }
    java.util.function.UnaryOperator<Object> cast = Casts.cast(from, to, a.context().zone());
    return row -> {
      Object v = x.eval(row);
      return v == null ? null : cast.apply(v);
    };
  }

  // ---- strings ----------------------------------------------------------------------------------

  private static Pattern likePattern(String like, Character escape) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (escape != null && c == escape && i + 1 < like.length()) {
        re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  private static RowExpression like(Args a) {
    Character escape = a.size() > 2 && a.literal(2) != null ? ((String) a.literal(2)).charAt(0) : null;
    Object literalPattern = a.literal(1);
    if (literalPattern != null) {
      Pattern p = likePattern((String) literalPattern, escape);
      return strict1(a, s -> p.matcher((String) s).matches());
    }
    return strict2(a, (s, pat) -> likePattern((String) pat, escape).matcher((String) s).matches());
  }

  /** The regex of argument {@code i}: compiled once when it is a literal, else per value (the last 64 kept). */
  private static java.util.function.Function<String, CompiledRegex> regexCache(Args a, int i) {
    Object lit = a.literal(i);
    if (lit != null) {
      CompiledRegex r = new CompiledRegex((String) lit);
      return s -> r;
    }
    Map<String, CompiledRegex> cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CompiledRegex> e) {
        return size() > 64;
      }
    };
    return s -> cache.computeIfAbsent(s, CompiledRegex::new);
  }

  /**
   * The {@code index}-th (from 0) piece of {@code s} split at every occurrence of the literal
   * {@code separator}, empty pieces kept, as Flink's SPLIT_INDEX; null when there are not that many
   * pieces or {@code s} is empty. Finds only the separators before the piece, splitting nothing else.
   */
  static String splitIndex(String s, String separator, int index) {
    if (index < 0 || s.isEmpty()) {
      return null;
    }
    if (separator.isEmpty()) {
      return index == 0 ? s : null;
    }
    int start = 0;
    for (int i = 0; i < index; i++) {
      int next = s.indexOf(separator, start);
      if (next < 0) {
        return null;
      }
      start = next + separator.length();
    }
    int end = s.indexOf(separator, start);
    return end < 0 ? s.substring(start) : s.substring(start, end);
  }

  private static RowExpression regexpExtract(Args a) {
    java.util.function.Function<String, CompiledRegex> patterns = regexCache(a, 1);
    return strictN(a, v -> {
      Matcher m = patterns.apply((String) v[1]).matcher((String) v[0]);
      int group = v.length > 2 ? ((Number) v[2]).intValue() : 1;
      if (m == null || !m.find() || group > m.groupCount()) {
        return null;
      }
      return m.group(group);
    });
  }

  private static RowExpression trim(Args a) {
    // Calcite's TRIM(flag, characters, string).
    String flag = String.valueOf(a.literal(0));
    boolean leading = flag.equals("BOTH") || flag.equals("LEADING");
    boolean trailing = flag.equals("BOTH") || flag.equals("TRAILING");
    RowExpression chars = a.get(1);
    RowExpression str = a.get(2);
    return row -> {
      String cs = (String) chars.eval(row);
      String s = (String) str.eval(row);
      if (cs == null || s == null) {
        return null;
      }
      int start = 0;
      int end = s.length();
      while (leading && start < end && cs.indexOf(s.charAt(start)) >= 0) {
        start++;
      }
      while (trailing && end > start && cs.indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
      return s.substring(start, end);
    };
  }

  private static String substring(String s, long from, Long length) {
    // SQL positions are 1-based; a start before 1 eats into the length, as in Calcite.
    long start = from > 0 ? from - 1 : (from < 0 ? Math.max(0, s.length() + from) : 0);
    long end = length == null ? s.length() : (from > 0 || from < 0 ? start + length : from - 1 + length);
    if (length != null && length < 0) {
      throw new WeirException("SUBSTRING length must not be negative but was " + length);
    }
    start = Math.min(start, s.length());
    end = Math.max(start, Math.min(end, s.length()));
    return s.substring((int) start, (int) end);
  }

  private static String pad(String s, int len, String pad, boolean left) {
    if (len < 0 || pad.isEmpty() && s.length() < len) {
      return null;
    }
    if (s.length() >= len) {
      return s.substring(0, len);
    }
    StringBuilder fill = new StringBuilder();
    while (fill.length() < len - s.length()) {
      fill.append(pad);
    }
    fill.setLength(len - s.length());
    return left ? fill + s : s + fill;
  }

  // ---- registration -----------------------------------------------------------------------------

  static {
    register(a -> arithmetic(a, Op.PLUS), "+", "DATETIME_PLUS");
    register(a -> a.size() == 1 ? a.get(0) : arithmetic(a, Op.MINUS), "-", "MINUS_DATE");
    register(a -> arithmetic(a, Op.TIMES), "*");
    register(a -> arithmetic(a, Op.DIVIDE), "/", "/INT");
    register(a -> arithmetic(a, Op.MOD), "MOD", "%");
    register(a -> {
      LogicalType t = a.returnType();
      return strict1(a, v -> switch (t.root()) {
        case DECIMAL -> ((BigDecimal) v).negate();
        case DOUBLE -> -((Number) v).doubleValue();
        case FLOAT -> -((Number) v).floatValue();
        case BIGINT, INTERVAL_DAY_TIME -> -((Number) v).longValue();
        default -> Values.coerceNumber(-((Number) v).intValue(), t);
      });
    }, "-NEGATE", "NEGATE");
    register(a -> a.get(0), "+PLUS", "UNARY_PLUS");

    register(a -> equality(a, false), "=");
    register(a -> equality(a, true), "<>", "!=");
    register(a -> comparison(a, c -> c < 0), "<");
    register(a -> comparison(a, c -> c <= 0), "<=");
    register(a -> comparison(a, c -> c > 0), ">");
    register(a -> comparison(a, c -> c >= 0), ">=");
    register(a -> distinct(a, true), "IS DISTINCT FROM");
    register(a -> distinct(a, false), "IS NOT DISTINCT FROM");
    register(BuiltinFunctions::and, "AND");
    register(BuiltinFunctions::or, "OR");
    register(a -> strict1(a, v -> !(Boolean) v), "NOT");
    register(a -> { RowExpression x = a.get(0); return row -> x.eval(row) == null; }, "IS NULL");
    register(a -> { RowExpression x = a.get(0); return row -> x.eval(row) != null; }, "IS NOT NULL");
    register(a -> { RowExpression x = a.get(0); return row -> x.eval(row) == Boolean.TRUE; }, "IS TRUE");
    register(a -> { RowExpression x = a.get(0); return row -> x.eval(row) == Boolean.FALSE; }, "IS FALSE");
    register(a -> { RowExpression x = a.get(0); return row -> x.eval(row) != Boolean.TRUE; }, "IS NOT TRUE");
    register(a -> { RowExpression x = a.get(0); return row -> x.eval(row) != Boolean.FALSE; }, "IS NOT FALSE");
    register(a -> {
      RowExpression x = a.get(0);
      Comparator<Object> lo = Values.comparator(a.type(0), a.type(1));
      Comparator<Object> hi = Values.comparator(a.type(0), a.type(2));
      RowExpression l = a.get(1);
      RowExpression h = a.get(2);
      return row -> {
        Object v = x.eval(row);
        Object lv = l.eval(row);
        Object hv = h.eval(row);
        if (v == null || lv == null || hv == null) {
          return null;
        }
        return lo.compare(v, lv) >= 0 && hi.compare(v, hv) <= 0;
      };
    }, "BETWEEN ASYMMETRIC", "BETWEEN");
    register(a -> {
      // IN over a list of operands: value, candidates…
      RowExpression x = a.get(0);
      List<RowExpression> cands = a.exprs().subList(1, a.size());
      Comparator<Object> cmp = Values.comparator(a.type(0), a.type(1));
      return row -> {
        Object v = x.eval(row);
        if (v == null) {
          return null;
        }
        boolean sawNull = false;
        for (RowExpression c : cands) {
          Object cv = c.eval(row);
          if (cv == null) {
            sawNull = true;
          } else if (Values.sqlEquals(v, cv, cmp)) {
            return true;
          }
        }
        return sawNull ? null : Boolean.FALSE;
      };
    }, "IN");

    register(BuiltinFunctions::caseWhen, "CASE");
    register(a -> {
      RowExpression c = a.get(0);
      RowExpression t = coerced(a, 1);
      RowExpression f = coerced(a, 2);
      return row -> c.eval(row) == Boolean.TRUE ? t.eval(row) : f.eval(row);
    }, "IF");
    register(a -> {
      RowExpression[] xs = new RowExpression[a.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = coerced(a, i);
      }
      return row -> {
        for (RowExpression x : xs) {
          Object v = x.eval(row);
          if (v != null) {
            return v;
          }
        }
        return null;
      };
    }, "COALESCE", "IFNULL");
    register(a -> {
      RowExpression x = a.get(0);
      RowExpression y = a.get(1);
      Comparator<Object> cmp = Values.comparator(a.type(0), a.type(1));
      return row -> {
        Object u = x.eval(row);
        Object v = y.eval(row);
        return u != null && v != null && Values.sqlEquals(u, v, cmp) ? null : u;
      };
    }, "NULLIF");
    register(a -> {
      java.util.function.UnaryOperator<Object> cast = Casts.cast(a.type(0), a.returnType(), a.context().zone());
      return strict1(a, cast);
    }, "CAST", "REINTERPRET");
    register(a -> {
      java.util.function.UnaryOperator<Object> cast = Casts.cast(a.type(0), a.returnType(), a.context().zone());
      return strict1(a, v -> {
        try {
          return cast.apply(v);
        } catch (RuntimeException e) {
          return null;
        }
      });
    }, "TRY_CAST", "SAFE_CAST");

    // strings
    register(a -> strict1(a, v -> ((String) v).toUpperCase(java.util.Locale.ROOT)), "UPPER");
    register(a -> strict1(a, v -> ((String) v).toLowerCase(java.util.Locale.ROOT)), "LOWER");
    register(a -> strict1(a, v -> ((String) v).codePointCount(0, ((String) v).length())), "CHAR_LENGTH", "CHARACTER_LENGTH");
    register(a -> strictN(a, v -> {
      StringBuilder sb = new StringBuilder();
      for (Object o : v) {
        sb.append(o instanceof String s ? s : String.valueOf(o));
      }
      return sb.toString();
    }), "CONCAT", "||");
    register(a -> {
      RowExpression sep = a.get(0);
      List<RowExpression> parts = a.exprs().subList(1, a.size());
      return row -> {
        Object s = sep.eval(row);
        if (s == null) {
          return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (RowExpression p : parts) {
          Object v = p.eval(row);
          if (v != null) {
            if (!first) {
              sb.append(s);
            }
            sb.append(v);
            first = false;
          }
        }
        return sb.toString();
      };
    }, "CONCAT_WS");
    register(a -> strictN(a, v -> substring((String) v[0], ((Number) v[1]).longValue(), v.length > 2 ? ((Number) v[2]).longValue() : null)), "SUBSTRING", "SUBSTR");
    register(BuiltinFunctions::trim, "TRIM");
    register(a -> strict1(a, v -> ((String) v).replaceAll("^ +", "")), "LTRIM");
    register(a -> strict1(a, v -> ((String) v).replaceAll(" +$", "")), "RTRIM");
    register(a -> strictN(a, v -> ((String) v[0]).replace((String) v[1], (String) v[2])), "REPLACE");
    register(a -> {
      java.util.function.Function<String, CompiledRegex> patterns = regexCache(a, 1);
      return strictN(a, v -> {
        Matcher m = patterns.apply((String) v[1]).matcher((String) v[0]);
        return m == null ? v[0] : m.replaceAll((String) v[2]);
      });
    }, "REGEXP_REPLACE");
    register(BuiltinFunctions::regexpExtract, "REGEXP_EXTRACT");
    register(a -> {
      java.util.function.Function<String, CompiledRegex> patterns = regexCache(a, 1);
      return strictN(a, v -> {
        Matcher m = patterns.apply((String) v[1]).matcher((String) v[0]);
        return m != null && m.find();
      });
    }, "REGEXP");
    register(a -> strictN(a, v -> splitIndex((String) v[0], (String) v[1], ((Number) v[2]).intValue())), "SPLIT_INDEX");
    register(BuiltinFunctions::like, "LIKE");
    register(a -> { RowExpression l = like(a); return row -> { Object v = l.eval(row); return v == null ? null : !(Boolean) v; }; }, "NOT LIKE");
    register(a -> strictN(a, v -> ((String) v[1]).indexOf((String) v[0]) + 1), "POSITION");
    register(a -> strictN(a, v -> ((String) v[1]).indexOf((String) v[0], v.length > 2 ? ((Number) v[2]).intValue() - 1 : 0) + 1), "LOCATE");
    register(a -> strictN(a, v -> ((String) v[0]).indexOf((String) v[1]) + 1), "INSTR");
    register(a -> strictN(a, v -> pad((String) v[0], ((Number) v[1]).intValue(), (String) v[2], true)), "LPAD");
    register(a -> strictN(a, v -> pad((String) v[0], ((Number) v[1]).intValue(), (String) v[2], false)), "RPAD");
    register(a -> strictN(a, v -> { String s = (String) v[0]; int n = ((Number) v[1]).intValue(); return n <= 0 ? "" : s.substring(0, Math.min(n, s.length())); }), "LEFT");
    register(a -> strictN(a, v -> { String s = (String) v[0]; int n = ((Number) v[1]).intValue(); return n <= 0 ? "" : s.substring(Math.max(0, s.length() - n)); }), "RIGHT");
    register(a -> strictN(a, v -> ((String) v[0]).repeat(Math.max(0, ((Number) v[1]).intValue()))), "REPEAT");
    register(a -> strict1(a, v -> new StringBuilder((String) v).reverse().toString()), "REVERSE");
    register(a -> strict1(a, v -> {
      StringBuilder sb = new StringBuilder();
      boolean start = true;
      for (char c : ((String) v).toCharArray()) {
        sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
        start = !Character.isLetterOrDigit(c);
      }
      return sb.toString();
    }), "INITCAP");
    register(a -> strict1(a, v -> ((String) v).hashCode()), "HASH_CODE");
    register(a -> strict1(a, v -> {
      try {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (byte b : d) {
          sb.append(String.format("%02x", b));
        }
        return sb.toString();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }), "MD5");
    register(a -> row -> java.util.UUID.randomUUID().toString(), "UUID");

    // math
    register(a -> {
      LogicalType t = a.returnType();
      return strict1(a, v -> switch (t.root()) {
        case DECIMAL -> ((BigDecimal) v).abs();
        case DOUBLE -> Math.abs(((Number) v).doubleValue());
        case FLOAT -> Math.abs(((Number) v).floatValue());
        case BIGINT -> Math.abs(((Number) v).longValue());
        default -> Values.coerceNumber(Math.abs(((Number) v).intValue()), t);
      });
    }, "ABS");
    register(a -> strict2(a, (x, y) -> Math.pow(((Number) x).doubleValue(), ((Number) y).doubleValue())), "POWER");
    register(a -> strict1(a, v -> Math.sqrt(((Number) v).doubleValue())), "SQRT");
    register(a -> strict1(a, v -> Math.exp(((Number) v).doubleValue())), "EXP");
    register(a -> strict1(a, v -> Math.log(((Number) v).doubleValue())), "LN");
    register(a -> strict1(a, v -> Math.log10(((Number) v).doubleValue())), "LOG10");
    register(a -> strict1(a, v -> Math.log(((Number) v).doubleValue()) / Math.log(2)), "LOG2");
    register(a -> strict1(a, v -> Values.coerceNumber(Values.toDecimal(v).signum(), a.returnType())), "SIGN");
    register(a -> {
      LogicalType t = a.returnType();
      return strictN(a, v -> {
        int digits = v.length > 1 ? ((Number) v[1]).intValue() : 0;
        BigDecimal d = Values.toDecimal(v[0]).setScale(digits, RoundingMode.HALF_UP);
        return Values.coerceNumber(d, t);
      });
    }, "ROUND");
    register(a -> {
      LogicalType t = a.returnType();
      return strictN(a, v -> {
        int digits = v.length > 1 ? ((Number) v[1]).intValue() : 0;
        return Values.coerceNumber(Values.toDecimal(v[0]).setScale(digits, RoundingMode.DOWN), t);
      });
    }, "TRUNCATE");
    register(a -> DateTimeFunctions.floorCeil(a, true), "FLOOR");
    register(a -> DateTimeFunctions.floorCeil(a, false), "CEIL", "CEILING");
    register(a -> {
      java.util.Random r = new java.util.Random();
      return a.size() == 0 ? row -> r.nextDouble() : row -> new java.util.Random(((Number) a.get(0).eval(row)).longValue()).nextDouble();
    }, "RAND");
    register(a -> {
      java.util.Random r = new java.util.Random();
      return row -> r.nextInt(((Number) a.get(a.size() - 1).eval(row)).intValue());
    }, "RAND_INTEGER");

    // collections and rows
    register(a -> strict2(a, (c, k) -> {
      if (c instanceof List<?> list) {
        int i = ((Number) k).intValue();
        return i >= 1 && i <= list.size() ? list.get(i - 1) : null;
      }
      if (c instanceof Map<?, ?> map) {
        return map.get(k);
      }
      if (c instanceof Row r) {
        return r.field(((Number) k).intValue());
      }
      throw new WeirException("ITEM is not defined for " + c.getClass().getSimpleName());
    }), "ITEM");
    register(a -> strict2(a, (r, i) -> ((Row) r).field(((Number) i).intValue())), "FIELD");
    register(a -> {
      RowExpression[] xs = a.exprs().toArray(new RowExpression[0]);
      return row -> {
        Object[] vs = new Object[xs.length];
        for (int i = 0; i < xs.length; i++) {
          vs[i] = xs[i].eval(row);
        }
        return Row.of(vs);
      };
    }, "ROW");
    register(a -> {
      RowExpression[] xs = a.exprs().toArray(new RowExpression[0]);
      return row -> {
        List<Object> vs = new ArrayList<>(xs.length);
        for (RowExpression x : xs) {
          vs.add(x.eval(row));
        }
        return java.util.Collections.unmodifiableList(vs);
      };
    }, "ARRAY", "ARRAY_VALUE_CONSTRUCTOR");
    register(a -> {
      RowExpression[] xs = a.exprs().toArray(new RowExpression[0]);
      return row -> {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < xs.length; i += 2) {
          m.put(xs[i].eval(row), xs[i + 1].eval(row));
        }
        return java.util.Collections.unmodifiableMap(m);
      };
    }, "MAP", "MAP_VALUE_CONSTRUCTOR");
    register(a -> strict1(a, v -> v instanceof List<?> l ? l.size() : ((Map<?, ?>) v).size()), "CARDINALITY");

    DateTimeFunctions.registerAll(BuiltinFunctions::register);
  }

  static void registerExternal(Function f, String... names) {
    register(f, names);
  }

  static RowExpression strict1Of(Args a, java.util.function.UnaryOperator<Object> f) {
    return strict1(a, f);
  }

  static RowExpression strictNOf(Args a, java.util.function.Function<Object[], Object> f) {
    return strictN(a, f);
  }
}
