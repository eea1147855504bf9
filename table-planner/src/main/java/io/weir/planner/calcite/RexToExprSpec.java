package io.weir.planner.calcite;

import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Translates Calcite row expressions into {@link ExprSpec}s, the plan's own expression form.
 * Functions are named by their SQL operator name; literals become internal values.
 */
public final class RexToExprSpec {
  private final RexBuilder rexBuilder;

  public RexToExprSpec(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public ExprSpec convert(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new ExprSpec.InputRef(ref.getIndex(), TypeConverter.toLogicalType(ref.getType()));
    }
    if (node instanceof RexLiteral lit) {
      return literal(lit);
    }
    if (node instanceof RexFieldAccess access) {
      return new ExprSpec.Call(
          "FIELD",
          List.of(convert(access.getReferenceExpr()),
              new ExprSpec.Literal(access.getField().getIndex(), LogicalType.integer().notNull())),
          TypeConverter.toLogicalType(access.getType()));
    }
    if (node instanceof RexCall call) {
      if (call.getKind() == SqlKind.SEARCH) {
        return convert(RexUtil.expandSearch(rexBuilder, null, call));
      }
      List<ExprSpec> operands = new ArrayList<>(call.getOperands().size());
      for (RexNode operand : call.getOperands()) {
        operands.add(convert(operand));
      }
      String functionClass = UserFunctions.functionClass(call.getOperator());
      if (functionClass != null) {
        return new ExprSpec.Call(UserFunctions.functionName(call.getOperator()), operands,
            TypeConverter.toLogicalType(call.getType()), functionClass);
      }
      return new ExprSpec.Call(functionName(call), operands, TypeConverter.toLogicalType(call.getType()));
    }
    throw new WeirException("Expression " + node + " is not supported here");
  }

  public List<ExprSpec> convertAll(List<RexNode> nodes) {
    List<ExprSpec> specs = new ArrayList<>(nodes.size());
    for (RexNode n : nodes) {
      specs.add(convert(n));
    }
    return specs;
  }

  private static String functionName(RexCall call) {
    return switch (call.getKind()) {
      case MINUS_PREFIX -> "-NEGATE";
      case PLUS_PREFIX -> "+PLUS";
      case CAST -> "CAST";
      case OTHER_FUNCTION, OTHER -> call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
      default -> call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    };
  }

  private static ExprSpec literal(RexLiteral lit) {
    LogicalType type = TypeConverter.toLogicalType(lit.getType());
    if (lit.isNull()) {
      return new ExprSpec.Literal(null, type);
    }
    SqlTypeName name = lit.getTypeName();
    Object value = switch (name) {
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case TINYINT -> lit.getValueAs(Byte.class);
      case SMALLINT -> lit.getValueAs(Short.class);
      case INTEGER -> lit.getValueAs(Integer.class);
      case BIGINT -> lit.getValueAs(Long.class);
      case FLOAT, REAL -> lit.getValueAs(Float.class);
      case DOUBLE -> lit.getValueAs(Double.class);
      case DECIMAL -> decimal(lit, type);
      case CHAR, VARCHAR -> lit.getValueAs(NlsString.class) == null ? lit.getValueAs(String.class) : lit.getValueAs(NlsString.class).getValue();
      case BINARY, VARBINARY -> lit.getValueAs(byte[].class);
      case DATE -> lit.getValueAs(DateString.class).getDaysSinceEpoch();
      case TIME -> lit.getValueAs(TimeString.class).getMillisOfDay();
      case TIMESTAMP -> lit.getValueAs(TimestampString.class).getMillisSinceEpoch();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> lit.getValueAs(TimestampString.class).getMillisSinceEpoch();
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> lit.getValueAs(BigDecimal.class).intValueExact();
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> lit.getValueAs(BigDecimal.class).longValueExact();
      case SYMBOL -> String.valueOf(lit.getValue());
      default -> throw new WeirException("Literal " + lit + " of type " + name + " is not supported");
    };
    return new ExprSpec.Literal(value, type);
  }

  private static Object decimal(RexLiteral lit, LogicalType type) {
    BigDecimal d = lit.getValueAs(BigDecimal.class);
    return switch (type.root()) {
      case INTEGER -> d.intValueExact();
      case BIGINT -> d.longValueExact();
      case DOUBLE -> d.doubleValue();
      default -> d.setScale(type.scale(), java.math.RoundingMode.HALF_UP);
    };
  }
}
