package io.weir.planner.calcite;

import io.weir.common.error.SqlException;
import io.weir.common.functions.EvalMethods;
import io.weir.common.types.LogicalType;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.CatalogFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The catalog's user-defined scalar functions as Calcite operators: argument checking and the
 * result type come from the function class's {@code eval} methods ({@link EvalMethods}).
 */
public final class UserFunctions {
  private UserFunctions() {}

  /**
   * An operator table over {@code catalog}'s user functions: those created with SYSTEM
   * ({@code system} = true, chained before the built-ins) or the others (chained after them).
   */
  public static SqlOperatorTable table(Catalog catalog, boolean system) {
    return new SqlOperatorTable() {
      @Override
      public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
          List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        // Only calls with parentheses: a bare name (FUNCTION_ID, as CURRENT_DATE) stays a column.
        if (!opName.isSimple() || syntax != SqlSyntax.FUNCTION) {
          return;
        }
        catalog.function(opName.getSimple()).filter(f -> f.system() == system)
            .ifPresent(f -> operatorList.add(new UserScalarFunction(f)));
      }

      @Override
      public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>();
        for (CatalogFunction f : catalog.functions()) {
          if (f.system() == system) {
            all.add(new UserScalarFunction(f));
          }
        }
        return all;
      }
    };
  }

  /** The class behind {@code call}'s operator, or null when it is not a user function. */
  public static String functionClass(SqlOperator operator) {
    return operator instanceof UserScalarFunction u ? u.function.className() : null;
  }

  /** The user function's name as created (calls of it are matched in any case). */
  public static String functionName(SqlOperator operator) {
    return operator instanceof UserScalarFunction u ? u.function.name() : null;
  }

  /** A call of one user function; validated and typed by the eval chosen for its arguments. */
  private static final class UserScalarFunction extends SqlFunction {
    private final CatalogFunction function;

    UserScalarFunction(CatalogFunction function) {
      super(function.name(), SqlKind.OTHER_FUNCTION, null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
      this.function = function;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(function.evals().minArgs(), function.evals().maxArgs());
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      if (select(binding) != null) {
        return true;
      }
      if (!throwOnFailure) {
        return false;
      }
      SqlParserPos pos = binding.getCall().getParserPosition();
      String message = String.format("SQL validation error at line %d, column %d: No eval method of '%s' (function %s)"
              + " takes (%s); it has %s", pos.getLineNum(), pos.getColumnNum(), function.className(),
          function.name(), String.join(", ", argTypeNames(binding)), function.evals().signatures());
      throw new SqlException(message, pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(),
          pos.getEndColumnNum(), null);
    }

    @Override
    public SqlOperandTypeChecker getOperandTypeChecker() {
      return null;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      EvalMethods.Eval eval = select(binding);
      if (eval == null) {
        throw new SqlException("No eval method of '" + function.className() + "' (function " + function.name()
            + ") takes these arguments; it has " + function.evals().signatures());
      }
      LogicalType result = eval.result();
      // A primitive result is NULL only when a NULL reached a primitive parameter (eval is not called).
      boolean nullable = result.nullable();
      for (int i = 0; !nullable && i < binding.getOperandCount(); i++) {
        nullable = !eval.parameters().get(i).nullable() && binding.getOperandType(i).isNullable();
      }
      return TypeConverter.toRelDataType(result.withNullable(nullable), binding.getTypeFactory());
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }

    private EvalMethods.Eval select(SqlOperatorBinding binding) {
      List<LogicalType> args = new ArrayList<>(binding.getOperandCount());
      for (int i = 0; i < binding.getOperandCount(); i++) {
        RelDataType t = binding.getOperandType(i);
        args.add(t.getSqlTypeName() == SqlTypeName.NULL ? null : TypeConverter.toLogicalType(t));
      }
      return function.evals().select(args);
    }

    private static List<String> argTypeNames(SqlCallBinding binding) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < binding.getOperandCount(); i++) {
        RelDataType t = binding.getOperandType(i);
        names.add(t.getSqlTypeName() == SqlTypeName.NULL ? "NULL"
            : TypeConverter.toLogicalType(t).withNullable(true).asSummaryString());
      }
      return names;
    }
  }
}
