package io.weir.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.ListSqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The functions a Weir query may call: Calcite's standard ones plus Flink's built-ins that the
 * standard lacks ({@code IF}, {@code REGEXP_EXTRACT}, {@code SPLIT_INDEX}, {@code DATE_FORMAT}…).
 * Function names are matched case-insensitively, as in Flink, even though identifiers are not.
 */
public final class WeirOperatorTable {
  private WeirOperatorTable() {}

  private static final SqlReturnTypeInference STRING_NULLABLE =
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen((binding, t) ->
          binding.getTypeFactory().createTypeWithNullability(
              binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true));

  private static final SqlReturnTypeInference STRING_FORCE_NULLABLE = STRING_NULLABLE;

  private static SqlReturnTypeInference stringPropagatingNulls() {
    return ReturnTypes.cascade(
        binding -> binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
        org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);
  }

  private static SqlReturnTypeInference typeOf(SqlTypeName name, int precision, boolean forceNullable) {
    return binding -> {
      RelDataTypeFactory f = binding.getTypeFactory();
      RelDataType t = precision < 0 ? f.createSqlType(name) : f.createSqlType(name, precision);
      boolean nullable = forceNullable;
      for (int i = 0; i < binding.getOperandCount(); i++) {
        nullable |= binding.getOperandType(i).isNullable();
      }
      return f.createTypeWithNullability(t, nullable);
    };
  }

  /** The least restrictive type of operands {@code from} onward (IF's branches, IFNULL's values). */
  private static SqlReturnTypeInference leastRestrictiveFrom(int from) {
    return binding -> {
      List<RelDataType> types = new ArrayList<>();
      for (int i = from; i < binding.getOperandCount(); i++) {
        types.add(binding.getOperandType(i));
      }
      return binding.getTypeFactory().leastRestrictive(types);
    };
  }

  private static SqlFunction fn(String name, SqlReturnTypeInference returns, SqlOperandTypeChecker operands) {
    return SqlBasicFunction.create(name, returns, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }

  private static SqlFunction nonDeterministic(String name, SqlReturnTypeInference returns, SqlOperandTypeChecker operands) {
    return SqlBasicFunction.create(name, returns, operands, SqlFunctionCategory.TIMEDATE).withDeterministic(false);
  }

  private static final SqlTypeFamily STR = SqlTypeFamily.CHARACTER;
  private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;
  private static final SqlTypeFamily NUM = SqlTypeFamily.NUMERIC;

  private static SqlOperandTypeChecker optional(int required, SqlTypeFamily... families) {
    return OperandTypes.family(List.of(families), i -> i >= required);
  }

  /** Flink built-ins not in Calcite's standard table. */
  public static List<SqlOperator> flinkFunctions() {
    return List.of(
        fn("IF", leastRestrictiveFrom(1), OperandTypes.family(SqlTypeFamily.BOOLEAN, SqlTypeFamily.ANY, SqlTypeFamily.ANY)),
        fn("IFNULL", leastRestrictiveFrom(0), OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY)),
        fn("REGEXP_EXTRACT", STRING_FORCE_NULLABLE, optional(2, STR, STR, INT)),
        fn("REGEXP_REPLACE", stringPropagatingNulls(), OperandTypes.family(STR, STR, STR)),
        fn("REGEXP", typeOf(SqlTypeName.BOOLEAN, -1, false), OperandTypes.family(STR, STR)),
        fn("SPLIT_INDEX", STRING_FORCE_NULLABLE, OperandTypes.family(STR, STR, INT)),
        fn("DATE_FORMAT", stringPropagatingNulls(), OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.TIMESTAMP, STR), OperandTypes.family(STR, STR),
            OperandTypes.family(SqlTypeFamily.DATE, STR))),
        fn("TO_TIMESTAMP", typeOf(SqlTypeName.TIMESTAMP, 3, true), optional(1, STR, STR)),
        fn("TO_DATE", typeOf(SqlTypeName.DATE, -1, true), optional(1, STR, STR)),
        fn("TO_TIMESTAMP_LTZ", typeOf(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, false), optional(1, NUM, INT)),
        nonDeterministic("UNIX_TIMESTAMP", typeOf(SqlTypeName.BIGINT, -1, false), optional(0, STR, STR)),
        fn("FROM_UNIXTIME", stringPropagatingNulls(), optional(1, NUM, STR)),
        nonDeterministic("PROCTIME", binding -> binding.getTypeFactory().createTypeWithNullability(
            binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), false), OperandTypes.NILADIC),
        nonDeterministic("NOW", typeOf(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, false), OperandTypes.NILADIC),
        fn("CONCAT", stringPropagatingNulls(), OperandTypes.repeat(
            org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.family(STR))),
        fn("CONCAT_WS", typeOf(SqlTypeName.VARCHAR, Integer.MAX_VALUE, false), OperandTypes.repeat(
            org.apache.calcite.sql.type.SqlOperandCountRanges.from(2), OperandTypes.family(STR))),
        fn("SUBSTR", stringPropagatingNulls(), optional(2, STR, INT, INT)),
        fn("LPAD", stringPropagatingNulls(), OperandTypes.family(STR, INT, STR)),
        fn("RPAD", stringPropagatingNulls(), OperandTypes.family(STR, INT, STR)),
        fn("LEFT", stringPropagatingNulls(), OperandTypes.family(STR, INT)),
        fn("RIGHT", stringPropagatingNulls(), OperandTypes.family(STR, INT)),
        fn("REPEAT", stringPropagatingNulls(), OperandTypes.family(STR, INT)),
        fn("REVERSE", stringPropagatingNulls(), OperandTypes.family(STR)),
        fn("LTRIM", stringPropagatingNulls(), OperandTypes.family(STR)),
        fn("RTRIM", stringPropagatingNulls(), OperandTypes.family(STR)),
        fn("LOCATE", typeOf(SqlTypeName.INTEGER, -1, false), optional(2, STR, STR, INT)),
        fn("INSTR", typeOf(SqlTypeName.INTEGER, -1, false), OperandTypes.family(STR, STR)),
        fn("HASH_CODE", typeOf(SqlTypeName.INTEGER, -1, false), OperandTypes.family(STR)),
        fn("MD5", stringPropagatingNulls(), OperandTypes.family(STR)),
        nonDeterministic("UUID", typeOf(SqlTypeName.VARCHAR, Integer.MAX_VALUE, false), OperandTypes.NILADIC),
        fn("LOG2", typeOf(SqlTypeName.DOUBLE, -1, false), OperandTypes.family(NUM)),
        nonDeterministic("RAND_INTEGER", typeOf(SqlTypeName.INTEGER, -1, false), optional(1, NUM, NUM)));
  }

  /**
   * Calcite's standard operators plus Flink's, looked up case-insensitively, keeping only the
   * scalar functions {@code runtimeSupports} knows, so a function the runtime cannot evaluate is a
   * validation error with a position, not a failed job.
   */
  public static SqlOperatorTable create(java.util.function.Predicate<String> runtimeSupports) {
    List<SqlOperator> ours = new ArrayList<>(flinkFunctions());
    ours.addAll(WindowTableFunctions.all());
    // Flink's FIRST_VALUE/LAST_VALUE are aggregates usable in GROUP BY; Calcite's demand OVER.
    ours.add(org.apache.calcite.sql.fun.SqlBasicAggFunction.create("FIRST_VALUE", org.apache.calcite.sql.SqlKind.FIRST_VALUE,
        ReturnTypes.ARG0_FORCE_NULLABLE, OperandTypes.ANY));
    ours.add(org.apache.calcite.sql.fun.SqlBasicAggFunction.create("LAST_VALUE", org.apache.calcite.sql.SqlKind.LAST_VALUE,
        ReturnTypes.ARG0_FORCE_NULLABLE, OperandTypes.ANY));
    ListSqlOperatorTable flink = new ListSqlOperatorTable(ours);
    SqlOperatorTable chained = SqlOperatorTables.chain(flink, SqlStdOperatorTable.instance());
    return new Filtered(chained, runtimeSupports);
  }

  /** The aggregate and ranking functions Weir's operators implement. */
  private static final java.util.Set<String> SUPPORTED_AGGREGATES = java.util.Set.of(
      "COUNT", "SUM", "$SUM0", "MIN", "MAX", "AVG", "FIRST_VALUE", "LAST_VALUE", "LISTAGG", "ROW_NUMBER");

  /** Whether {@code op} is a scalar function, i.e. something the runtime evaluates by name. */
  private static boolean isScalarFunction(SqlOperator op) {
    return op instanceof SqlFunction
        && !(op instanceof org.apache.calcite.sql.SqlAggFunction)
        && !(op instanceof org.apache.calcite.sql.SqlWindowTableFunction)
        && !(op instanceof org.apache.calcite.sql.SqlGroupedWindowFunction);
  }

  /** Case-insensitive lookups, without the scalar functions the runtime lacks. */
  private record Filtered(SqlOperatorTable delegate, java.util.function.Predicate<String> runtimeSupports)
      implements SqlOperatorTable {
    private static final SqlNameMatcher INSENSITIVE = SqlNameMatchers.withCaseSensitive(false);

    private boolean keep(SqlOperator op) {
      String name = op.getName().toUpperCase(java.util.Locale.ROOT);
      if (op instanceof org.apache.calcite.sql.SqlAggFunction agg) {
        // Calcite's FIRST_VALUE/LAST_VALUE (OVER only) give way to Flink's.
        boolean calcitesFirstLast = agg.requiresOver() && (name.equals("FIRST_VALUE") || name.equals("LAST_VALUE"));
        return SUPPORTED_AGGREGATES.contains(name) && !calcitesFirstLast;
      }
      if (op instanceof org.apache.calcite.sql.SqlWindowTableFunction) {
        // Calcite's own lack window_time; ours replace them.
        return WindowTableFunctions.isWeirWindowFunction(op);
      }
      return !isScalarFunction(op) || runtimeSupports.test(name);
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
      List<SqlOperator> found = new ArrayList<>();
      delegate.lookupOperatorOverloads(opName, category, syntax, found, INSENSITIVE);
      for (SqlOperator op : found) {
        if (keep(op)) {
          operatorList.add(op);
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return delegate.getOperatorList().stream().filter(this::keep).toList();
    }
  }
}
