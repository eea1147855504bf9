package io.weir.sql.parser.type;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/** Unparsing of data type specs in Weir's (Flink's) syntax. */
public final class SqlTypeSpecs {
  private SqlTypeSpecs() {}

  /**
   * Writes {@code spec} followed by NOT NULL when it is declared not nullable, e.g.
   * {@code INTEGER NOT NULL}; {@link SqlDataTypeSpec#unparse} writes the type name only.
   */
  public static void unparse(SqlWriter writer, SqlDataTypeSpec spec) {
    spec.getTypeNameSpec().unparse(writer, 0, 0);
    if (Boolean.FALSE.equals(spec.getNullable())) {
      writer.keyword("NOT NULL");
    }
  }

  /**
   * Derives the Calcite type of {@code spec}, nullable unless declared NOT NULL. (Calcite's
   * {@code deriveType(validator, nullable)} ignores the spec's own nullability.)
   */
  public static RelDataType deriveType(SqlValidator validator, SqlDataTypeSpec spec) {
    return spec.deriveType(validator, !Boolean.FALSE.equals(spec.getNullable()));
  }

  /** Whether two specs are equal, nullability included ({@code equalsDeep} ignores it). */
  static boolean sameSpec(SqlDataTypeSpec a, SqlDataTypeSpec b, Litmus litmus) {
    return a.equalsDeep(b, litmus) && Objects.equals(a.getNullable(), b.getNullable());
  }

  /** Writes {@code <} with no space around it: {@code ARRAY<INTEGER>}. */
  static void open(SqlWriter writer) {
    writer.setNeedWhitespace(false);
    writer.print("<");
    writer.setNeedWhitespace(false);
  }

  /** Writes {@code ,} outside of any list frame: {@code MAP<STRING, INTEGER>}. */
  static void comma(SqlWriter writer) {
    writer.setNeedWhitespace(false);
    writer.print(",");
    writer.setNeedWhitespace(true);
  }

  /** Writes {@code >}: {@code ARRAY<INTEGER> NOT NULL}. */
  static void close(SqlWriter writer) {
    writer.setNeedWhitespace(false);
    writer.print(">");
    writer.setNeedWhitespace(true);
  }
}
