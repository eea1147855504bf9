package io.weir.sql.parser.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A basic type written under one of Flink's alias names: {@code STRING} (VARCHAR of maximum
 * length), {@code BYTES} (VARBINARY of maximum length) or {@code TIMESTAMP_LTZ(p)} (TIMESTAMP(p)
 * WITH LOCAL TIME ZONE).
 *
 * <p>It is a plain {@link SqlBasicTypeNameSpec} for everything but unparsing, which writes the
 * alias back, so that SHOW CREATE TABLE prints {@code STRING} rather than
 * {@code VARCHAR(2147483647)}. Maximum length is {@link Integer#MAX_VALUE}; a planner whose type
 * system caps VARCHAR lower must raise the cap to keep it.
 */
public final class SqlAliasTypeNameSpec extends SqlBasicTypeNameSpec {
  private final String alias;

  private SqlAliasTypeNameSpec(String alias, SqlTypeName typeName, int precision,
      SqlParserPos pos) {
    super(typeName, precision, pos);
    this.alias = alias;
  }

  /** {@code STRING}: VARCHAR({@link Integer#MAX_VALUE}). */
  public static SqlAliasTypeNameSpec string(SqlParserPos pos) {
    return new SqlAliasTypeNameSpec("STRING", SqlTypeName.VARCHAR, Integer.MAX_VALUE, pos);
  }

  /** {@code BYTES}: VARBINARY({@link Integer#MAX_VALUE}). */
  public static SqlAliasTypeNameSpec bytes(SqlParserPos pos) {
    return new SqlAliasTypeNameSpec("BYTES", SqlTypeName.VARBINARY, Integer.MAX_VALUE, pos);
  }

  /**
   * {@code TIMESTAMP_LTZ(p)}: TIMESTAMP_WITH_LOCAL_TIME_ZONE with precision {@code p}, or
   * {@link RelDataType#PRECISION_NOT_SPECIFIED} (-1) when written without one.
   */
  public static SqlAliasTypeNameSpec timestampLtz(int precision, SqlParserPos pos) {
    return new SqlAliasTypeNameSpec("TIMESTAMP_LTZ", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
        precision, pos);
  }

  /** The name as written: {@code STRING}, {@code BYTES} or {@code TIMESTAMP_LTZ}. */
  public String alias() {
    return alias;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(alias);
    if (alias.equals("TIMESTAMP_LTZ") && getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED) {
      SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
      writer.print(getPrecision());
      writer.endList(frame);
    }
  }
}
