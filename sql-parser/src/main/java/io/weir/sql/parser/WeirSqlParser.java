package io.weir.sql.parser;

import io.weir.common.error.SqlException;
import io.weir.sql.parser.impl.WeirSqlParserImpl;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Parses Weir SQL (the Flink SQL dialect): Calcite's grammar plus Weir's DDL, SET/RESET, SHOW,
 * DESCRIBE, EXPLAIN and STOP JOB, and Flink's type names.
 *
 * <p>Identifiers follow {@link Lex#JAVA}: quoted with back-ticks, case preserved, compared
 * case-sensitively. Every method throws {@link SqlException}, with a 1-based position, on a
 * syntax error. Thread-safe: nothing is shared between calls.
 */
public final class WeirSqlParser {
  /** Calcite's default (128) is short for generated column names; this is generous. */
  private static final int IDENTIFIER_MAX_LENGTH = 1024;

  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(WeirSqlParserImpl.FACTORY)
      .withLex(Lex.JAVA)
      .withIdentifierMaxLength(IDENTIFIER_MAX_LENGTH)
      .withConformance(WeirSqlConformance.INSTANCE);

  private static final SqlDialect DIALECT = new WeirSqlDialect();

  private WeirSqlParser() {}

  /** The parser configuration, for code that drives Calcite's {@link SqlParser} itself. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * Parses a script of statements separated by {@code ;} (a trailing {@code ;} and empty
   * statements are allowed), with {@code --} and {@code /* *}{@code /} comments.
   *
   * @return the statements in order; empty for a script of only comments and whitespace
   */
  public static List<SqlNode> parseScript(String sql) {
    return parseStatements(sql).getList();
  }

  /** Parses exactly one statement; a trailing {@code ;} is allowed. */
  public static SqlNode parseStatement(String sql) {
    SqlNodeList statements = parseStatements(sql);
    if (statements.isEmpty()) {
      throw new SqlException("SQL parse error: expected a statement but found none", 0, 0, 0, 0,
          null);
    }
    if (statements.size() > 1) {
      SqlParserPos pos = statements.get(1).getParserPosition();
      throw new SqlException(String.format(
          "SQL parse error at line %d, column %d: expected one statement but found %d; "
              + "run them one at a time, or as a script",
          pos.getLineNum(), pos.getColumnNum(), statements.size()),
          pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum(), null);
    }
    return statements.get(0);
  }

  private static SqlNodeList parseStatements(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      // Calcite's parser fails on a script without statements (it cannot give an empty list a
      // position), so that case is told apart only after a failure.
      if (ParseErrors.hasNoTokens(sql)) {
        return SqlNodeList.EMPTY;
      }
      throw ParseErrors.toSqlException(sql, e);
    }
  }

  /**
   * Parses a scalar expression, e.g. a computed column's {@code price * 100} or a watermark's
   * {@code ts - INTERVAL '5' SECOND}.
   */
  public static SqlNode parseExpression(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw ParseErrors.toSqlException(sql, e);
    }
  }

  /**
   * Writes {@code node} as SQL that these methods parse back to an equal node: identifiers in
   * back-ticks, Weir's type names ({@code STRING}, {@code ARRAY<INT>}), multi-line DDL. This is
   * the text of SHOW CREATE TABLE.
   */
  public static String unparse(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(DIALECT)
        .withAlwaysUseParentheses(false)
        .withSelectListItemsOnSeparateLines(false)
        .withUpdateSetListNewline(false)
        .withIndentation(0)).getSql();
  }

  /** The dialect of {@link #unparse}. */
  public static SqlDialect dialect() {
    return DIALECT;
  }

  /** Back-tick identifiers as {@link Lex#JAVA}; plain {@code '..'} strings for any text. */
  private static final class WeirSqlDialect extends SqlDialect {
    WeirSqlDialect() {
      super(EMPTY_CONTEXT
          .withDatabaseProduct(DatabaseProduct.UNKNOWN)
          .withIdentifierQuoteString("`")
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(true));
    }

    /** Keeps table hints, e.g. {@code FROM t /*+ OPTIONS('k' = 'v') *}{@code /}. */
    @Override public void unparseTableScanHints(SqlWriter writer, SqlNodeList hints,
        int leftPrec, int rightPrec) {
      writer.keyword("/*+");
      hints.unparse(writer, 0, 0);
      writer.keyword("*/");
    }

    /**
     * Calcite writes non-ASCII text as {@code u&'\4e2d'}, which Weir's string-literal-only
     * places (option values, comments) do not accept; Java strings need no escaping but quotes.
     */
    @Override public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
      buf.append(literalQuoteString)
          .append(val.replace(literalEndQuoteString, literalEscapedQuote))
          .append(literalEndQuoteString);
    }
  }
}
