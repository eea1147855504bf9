package io.weir.runtime.expr;

import io.weir.common.error.WeirException;
import io.weir.common.functions.EvalMethods;
import io.weir.common.functions.ScalarFunction;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Compiles a call of a user-defined {@link ScalarFunction} into a closure: the class is loaded,
 * instantiated and its {@code eval} chosen once, when the operator is built; per row the closure
 * converts the arguments (only where the internal form differs from the Java type), calls a
 * {@link MethodHandle} bound to the instance, and converts the result back.
 */
final class UserFunctionCalls {
  private UserFunctionCalls() {}

  @SuppressWarnings("unchecked") // the array of converters
  static RowExpression compile(ExprSpec.Call call, List<RowExpression> args) {
    EvalMethods methods = EvalMethods.of(call.functionClass(), EvalMethods.defaultLoader());
    List<LogicalType> types = call.operands().stream().map(ExprSpec::type).toList();
    EvalMethods.Eval eval = methods.select(types);
    if (eval == null) {
      throw new WeirException("Function '" + call.function() + "' (class '" + call.functionClass()
          + "') has no eval method for (" + types.stream().map(LogicalType::asSummaryString).toList()
          + "); it has " + methods.signatures());
    }
    ScalarFunction instance;
    MethodHandle handle;
    try {
      instance = methods.functionClass().getConstructor().newInstance();
      handle = MethodHandles.publicLookup().unreflect(eval.method()).bindTo(instance);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new WeirException("Cannot create function '" + call.function() + "' (class '" + call.functionClass()
          + "'): " + e, e);
    }
    int n = args.size();
    RowExpression[] in = args.toArray(new RowExpression[0]);
    UnaryOperator<Object>[] convert = new UnaryOperator[n];
    boolean[] nullMeansNull = new boolean[n];
    for (int i = 0; i < n; i++) {
      Class<?> javaType = eval.method().getParameterTypes()[i];
      convert[i] = toJava(types.get(i), javaType);
      nullMeansNull[i] = javaType.isPrimitive();
    }
    UnaryOperator<Object> result = toInternal(eval.method().getReturnType(), call.type());
    MethodHandle generic = handle.asType(MethodType.genericMethodType(n));
    String name = call.function();
    return switch (n) {
      case 1 -> row -> {
        Object a = convert(in[0].eval(row), convert[0]);
        if (a == null && nullMeansNull[0]) {
          return null;
        }
        try {
          return result.apply(generic.invokeExact(a));
        } catch (Throwable t) {
          throw failed(name, t);
        }
      };
      case 2 -> row -> {
        Object a = convert(in[0].eval(row), convert[0]);
        Object b = convert(in[1].eval(row), convert[1]);
        if ((a == null && nullMeansNull[0]) || (b == null && nullMeansNull[1])) {
          return null;
        }
        try {
          return result.apply(generic.invokeExact(a, b));
        } catch (Throwable t) {
          throw failed(name, t);
        }
      };
      default -> {
        MethodHandle spread = handle.asSpreader(Object[].class, n).asType(
            MethodType.methodType(Object.class, Object[].class));
        yield row -> {
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = convert(in[i].eval(row), convert[i]);
            if (values[i] == null && nullMeansNull[i]) {
              return null;
            }
          }
          try {
            return result.apply(spread.invokeExact(values));
          } catch (Throwable t) {
            throw failed(name, t);
          }
        };
      }
    };
  }

  private static Object convert(Object value, UnaryOperator<Object> converter) {
    return value == null || converter == null ? value : converter.apply(value);
  }

  private static RuntimeException failed(String name, Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    return new WeirException("Function '" + name + "' failed: " + t, t);
  }

  /** Internal value of {@code type} to the Java parameter type; null when they are the same. */
  private static UnaryOperator<Object> toJava(LogicalType type, Class<?> javaType) {
    Class<?> boxed = MethodType.methodType(javaType).wrap().returnType();
    TypeRoot root = type.root();
    if (boxed == Long.class && root != TypeRoot.BIGINT) {
      return v -> ((Number) v).longValue();
    }
    if (boxed == Integer.class && root != TypeRoot.INTEGER) {
      return v -> ((Number) v).intValue();
    }
    if (boxed == Short.class && root != TypeRoot.SMALLINT) {
      return v -> ((Number) v).shortValue();
    }
    if (boxed == Double.class && root != TypeRoot.DOUBLE) {
      return v -> ((Number) v).doubleValue();
    }
    if (boxed == Float.class && root != TypeRoot.FLOAT) {
      return v -> ((Number) v).floatValue();
    }
    if (boxed == BigDecimal.class && root != TypeRoot.DECIMAL) {
      return v -> new BigDecimal(v.toString());
    }
    if (boxed == LocalDate.class) {
      return v -> LocalDate.ofEpochDay(((Number) v).longValue());
    }
    if (boxed == LocalDateTime.class) {
      return v -> LocalDateTime.ofEpochSecond(Math.floorDiv((long) v, 1000L),
          (int) Math.floorMod((long) v, 1000L) * 1_000_000, ZoneOffset.UTC);
    }
    if (boxed == Instant.class) {
      return v -> Instant.ofEpochMilli((long) v);
    }
    return null;
  }

  /** The Java result to the internal value of the call's type. */
  private static UnaryOperator<Object> toInternal(Class<?> javaType, LogicalType type) {
    Class<?> boxed = MethodType.methodType(javaType).wrap().returnType();
    if (boxed == LocalDate.class) {
      return v -> v == null ? null : (int) ((LocalDate) v).toEpochDay();
    }
    if (boxed == LocalDateTime.class) {
      return v -> v == null ? null : ((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (boxed == Instant.class) {
      return v -> v == null ? null : ((Instant) v).toEpochMilli();
    }
    if (boxed == BigDecimal.class) {
      int scale = type.scale();
      return v -> v == null ? null : ((BigDecimal) v).setScale(scale, RoundingMode.HALF_UP);
    }
    return UnaryOperator.identity();
  }
}
