package io.weir.sql.parser.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * {@code MAP<K, V>}, Flink style: key and value are nullable unless declared NOT NULL.
 * Key and value specs are {@link #getKeyType()} and {@link #getValType()}.
 */
public final class ExtendedSqlMapTypeNameSpec extends SqlMapTypeNameSpec {

  public ExtendedSqlMapTypeNameSpec(SqlDataTypeSpec keyType, SqlDataTypeSpec valueType,
      SqlParserPos pos) {
    super(keyType, valueType, pos);
  }

  @Override public RelDataType deriveType(SqlValidator validator) {
    return validator.getTypeFactory().createMapType(
        SqlTypeSpecs.deriveType(validator, getKeyType()),
        SqlTypeSpecs.deriveType(validator, getValType()));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MAP");
    SqlTypeSpecs.open(writer);
    SqlTypeSpecs.unparse(writer, getKeyType());
    SqlTypeSpecs.comma(writer);
    SqlTypeSpecs.unparse(writer, getValType());
    SqlTypeSpecs.close(writer);
  }

  @Override public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof ExtendedSqlMapTypeNameSpec that)
        || !SqlTypeSpecs.sameSpec(getKeyType(), that.getKeyType(), litmus)
        || !SqlTypeSpecs.sameSpec(getValType(), that.getValType(), litmus)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
