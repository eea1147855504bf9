package io.weir.common.functions;

import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code eval} methods of a {@link ScalarFunction} class with their SQL types, and the choice
 * of one for given argument types. The planner (types, validation) and the runtime (the method to
 * call) both choose through {@link #select}, so they agree.
 */
public final class EvalMethods {
  /** Java parameter and return types and their SQL types. */
  private static final Map<Class<?>, LogicalType> TYPES = Map.ofEntries(
      Map.entry(String.class, LogicalType.string()),
      Map.entry(boolean.class, LogicalType.bool().notNull()),
      Map.entry(Boolean.class, LogicalType.bool()),
      Map.entry(byte.class, LogicalType.tinyint().notNull()),
      Map.entry(Byte.class, LogicalType.tinyint()),
      Map.entry(short.class, LogicalType.smallint().notNull()),
      Map.entry(Short.class, LogicalType.smallint()),
      Map.entry(int.class, LogicalType.integer().notNull()),
      Map.entry(Integer.class, LogicalType.integer()),
      Map.entry(long.class, LogicalType.bigint().notNull()),
      Map.entry(Long.class, LogicalType.bigint()),
      Map.entry(float.class, LogicalType.floatType().notNull()),
      Map.entry(Float.class, LogicalType.floatType()),
      Map.entry(double.class, LogicalType.doubleType().notNull()),
      Map.entry(Double.class, LogicalType.doubleType()),
      Map.entry(BigDecimal.class, LogicalType.decimal(38, 18)),
      Map.entry(LocalDate.class, LogicalType.date()),
      Map.entry(LocalDateTime.class, LogicalType.timestamp(3)),
      Map.entry(Instant.class, LogicalType.timestampLtz(3)),
      Map.entry(byte[].class, LogicalType.bytes()));

  private final Class<? extends ScalarFunction> functionClass;
  private final List<Eval> evals;

  /**
   * One {@code eval} method: its parameters' SQL types (not null for a primitive) and its
   * result's.
   */
  public record Eval(Method method, List<LogicalType> parameters, LogicalType result) {
    /** {@code eval(STRING, STRING) -> BIGINT NOT NULL}, for messages. */
    public String signature() {
      return parameters.stream().map(LogicalType::asSummaryString)
          .collect(Collectors.joining(", ", "eval(", ")")) + " -> " + result.asSummaryString();
    }
  }

  private EvalMethods(Class<? extends ScalarFunction> functionClass, List<Eval> evals) {
    this.functionClass = functionClass;
    this.evals = evals;
  }

  /**
   * Loads {@code className} with {@code loader} and reads its {@code eval} methods.
   *
   * @throws WeirException naming the class when it cannot be loaded, is not a public {@link
   *     ScalarFunction} with a public no-argument constructor, or has no usable {@code eval}
   */
  public static EvalMethods of(String className, ClassLoader loader) {
    Class<?> raw;
    try {
      raw = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new WeirException("Cannot load the function class '" + className + "': it is not on the classpath ("
          + e + "). Put its jar on the classpath (e.g. in lib/) and name it with its package.", e);
    }
    if (!ScalarFunction.class.isAssignableFrom(raw)) {
      throw new WeirException("The function class '" + className + "' does not extend "
          + ScalarFunction.class.getName());
    }
    if (!Modifier.isPublic(raw.getModifiers()) || Modifier.isAbstract(raw.getModifiers())) {
      throw new WeirException("The function class '" + className + "' must be public and not abstract");
    }
    try {
      raw.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new WeirException("The function class '" + className + "' has no public no-argument constructor", e);
    }
    List<Eval> evals = new ArrayList<>();
    List<String> unusable = new ArrayList<>();
    for (Method m : raw.getMethods()) {
      if (!m.getName().equals("eval") || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      List<LogicalType> params = new ArrayList<>();
      boolean ok = !m.isVarArgs();
      for (Class<?> p : m.getParameterTypes()) {
        LogicalType t = TYPES.get(p);
        ok &= t != null;
        params.add(t);
      }
      LogicalType result = TYPES.get(m.getReturnType());
      if (ok && result != null) {
        evals.add(new Eval(m, List.copyOf(params), result));
      } else {
        unusable.add(m.toGenericString());
      }
    }
    if (evals.isEmpty()) {
      throw new WeirException("The function class '" + className + "' has no public method 'eval'"
          + (unusable.isEmpty() ? "" : " with supported types (found " + unusable + "; supported Java types: "
              + TYPES.keySet().stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", ")) + ")"));
    }
    // getMethods() has no fixed order: sort, so every JVM chooses the same overload.
    evals.sort(Comparator.comparing((Eval e) -> e.parameters().size()).thenComparing(Eval::signature));
    @SuppressWarnings("unchecked")
    Class<? extends ScalarFunction> fc = (Class<? extends ScalarFunction>) raw;
    return new EvalMethods(fc, List.copyOf(evals));
  }

  /** The loader user function classes are loaded with: the thread's context loader, else this one's. */
  public static ClassLoader defaultLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : EvalMethods.class.getClassLoader();
  }

  public Class<? extends ScalarFunction> functionClass() {
    return functionClass;
  }

  public List<Eval> evals() {
    return evals;
  }

  /** The smallest and largest number of arguments an {@code eval} takes. */
  public int minArgs() {
    return evals.stream().mapToInt(e -> e.parameters().size()).min().orElse(0);
  }

  public int maxArgs() {
    return evals.stream().mapToInt(e -> e.parameters().size()).max().orElse(0);
  }

  /**
   * The {@code eval} for arguments of {@code args} types ({@code null} or NULL for an untyped
   * NULL, which fits any parameter): the one needing fewest widenings (INT to BIGINT, an exact
   * number to DOUBLE, CHAR to STRING…), the first in a fixed order among equals; null if none fits.
   */
  public Eval select(List<LogicalType> args) {
    Eval best = null;
    int bestCost = Integer.MAX_VALUE;
    for (Eval e : evals) {
      if (e.parameters().size() != args.size()) {
        continue;
      }
      int cost = 0;
      for (int i = 0; i < args.size() && cost >= 0; i++) {
        int c = cost(args.get(i), e.parameters().get(i).root());
        cost = c < 0 ? -1 : cost + c;
      }
      if (cost >= 0 && cost < bestCost) {
        best = e;
        bestCost = cost;
      }
    }
    return best;
  }

  /** What passing a value of {@code arg} to a parameter of {@code param} costs; -1 if it cannot. */
  private static int cost(LogicalType arg, TypeRoot param) {
    if (arg == null || arg.root() == TypeRoot.NULL) {
      return 0;
    }
    TypeRoot a = arg.root();
    if (a == param) {
      return 0;
    }
    if (a.isCharacterString() && param.isCharacterString()) {
      return 0;
    }
    if (a == TypeRoot.BINARY && param == TypeRoot.VARBINARY) {
      return 0;
    }
    if (a.isNumeric() && param.isNumeric()) {
      int from = NUMERIC_ORDER.indexOf(a);
      int to = NUMERIC_ORDER.indexOf(param);
      if (param == TypeRoot.DECIMAL) {
        return a == TypeRoot.FLOAT || a == TypeRoot.DOUBLE ? -1 : 2;
      }
      if (a == TypeRoot.DECIMAL) {
        return param == TypeRoot.DOUBLE ? 3 : -1;
      }
      return to > from ? to - from : -1;
    }
    return -1;
  }

  private static final List<TypeRoot> NUMERIC_ORDER = List.of(
      TypeRoot.TINYINT, TypeRoot.SMALLINT, TypeRoot.INTEGER, TypeRoot.BIGINT, TypeRoot.FLOAT, TypeRoot.DOUBLE);

  /** {@code eval(STRING, STRING) -> BIGINT NOT NULL; …}, for messages. */
  public String signatures() {
    return evals.stream().map(Eval::signature).collect(Collectors.joining("; "));
  }
}
