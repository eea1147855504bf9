package io.weir.sql.parser.type;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * {@code ROW<a INT, b STRING>} or {@code ROW(a INT, b STRING)}, Flink style: fields are nullable
 * unless declared NOT NULL (Calcite's own ROW(..) makes them NOT NULL by default). Field names
 * and specs are {@link #getFieldNames()} and {@link #getFieldTypes()}.
 */
public final class ExtendedSqlRowTypeNameSpec extends SqlRowTypeNameSpec {

  public ExtendedSqlRowTypeNameSpec(SqlParserPos pos, List<SqlIdentifier> fieldNames,
      List<SqlDataTypeSpec> fieldTypes) {
    super(pos, fieldNames, fieldTypes);
  }

  @Override public RelDataType deriveType(SqlValidator validator) {
    return validator.getTypeFactory().createStructType(
        getFieldTypes().stream().map(type -> SqlTypeSpecs.deriveType(validator, type)).toList(),
        getFieldNames().stream().map(SqlIdentifier::getSimple).toList());
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ROW");
    SqlTypeSpecs.open(writer);
    for (int i = 0; i < getArity(); i++) {
      if (i > 0) {
        SqlTypeSpecs.comma(writer);
      }
      getFieldNames().get(i).unparse(writer, 0, 0);
      SqlTypeSpecs.unparse(writer, getFieldTypes().get(i));
    }
    SqlTypeSpecs.close(writer);
  }

  @Override public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof ExtendedSqlRowTypeNameSpec that) || getArity() != that.getArity()) {
      return litmus.fail("{} != {}", this, spec);
    }
    for (int i = 0; i < getArity(); i++) {
      if (!getFieldNames().get(i).equalsDeep(that.getFieldNames().get(i), litmus)
          || !SqlTypeSpecs.sameSpec(
              getFieldTypes().get(i), that.getFieldTypes().get(i), litmus)) {
        return litmus.fail("{} != {}", this, spec);
      }
    }
    return litmus.succeed();
  }
}
