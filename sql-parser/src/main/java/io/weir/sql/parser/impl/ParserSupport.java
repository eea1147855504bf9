package io.weir.sql.parser.impl;

import io.weir.sql.parser.ddl.SqlTableOption;
import java.util.HashSet;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/** Helpers the generated {@link WeirSqlParserImpl} calls from grammar actions (parserImpls.ftl). */
final class ParserSupport {
  private ParserSupport() {}

  /**
   * An error at {@code pos} that is not a plain syntax error, e.g. a second primary key.
   *
   * <p>Calcite's parser turns a {@link CalciteContextException} into a {@code SqlParseException}
   * at that position, with the cause's message; so the cause must carry the message.
   */
  static CalciteContextException error(SqlParserPos pos, String message) {
    return new CalciteContextException(message, new SqlValidatorException(message, null),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }

  /** Returns {@code options} (a list of {@link SqlTableOption}) if no key appears twice. */
  static SqlNodeList distinctOptions(SqlNodeList options) {
    Set<String> keys = new HashSet<>();
    for (SqlNode node : options) {
      SqlTableOption option = (SqlTableOption) node;
      if (!keys.add(option.key())) {
        throw error(option.getParserPosition(),
            "option '" + option.key() + "' is given more than once");
      }
    }
    return options;
  }
}
