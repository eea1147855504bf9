package io.weir.sql.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's default conformance plus the two operators Flink SQL accepts and the default does
 * not: {@code a != b} and {@code a % b}. The parser uses it; a validator should use it too.
 */
public final class WeirSqlConformance extends SqlDelegatingConformance {
  public static final WeirSqlConformance INSTANCE = new WeirSqlConformance();

  private WeirSqlConformance() {
    super(SqlConformanceEnum.DEFAULT);
  }

  @Override public boolean isBangEqualAllowed() {
    return true;
  }

  @Override public boolean isPercentRemainderAllowed() {
    return true;
  }
}
