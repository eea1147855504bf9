package io.weir.sql.parser;

import io.weir.common.error.SqlException;
import io.weir.sql.parser.impl.ParseException;
import io.weir.sql.parser.impl.Token;
import io.weir.sql.parser.impl.TokenMgrError;
import io.weir.sql.parser.impl.WeirSqlParserImpl;
import io.weir.sql.parser.impl.WeirSqlParserImplConstants;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's {@link SqlParseException} into a {@link SqlException} with a short message:
 *
 * <pre>SQL parse error at line 2, column 1: encountered "FORM" but expected one of: "FROM",
 * ",", "ORDER", "LIMIT", "UNION", ";", &lt;end of input&gt;, "EXCEPT", ... (did you mean "FROM"?)
 * </pre>
 *
 * <p>Calcite's own message lists every token that could follow (often 80 lines). Here the
 * expected tokens are collapsed (all identifier forms become {@code <identifier>}), ranked (a
 * keyword that looks like the offending word first, then the tokens people usually miss:
 * parentheses, commas, clause keywords) and cut to {@link #MAX_EXPECTED}.
 */
final class ParseErrors {
  /** How many expected tokens a message lists before "...". */
  static final int MAX_EXPECTED = 8;

  /**
   * Expected tokens that deserve a place in a short list, best first; the rest keep the order
   * of the grammar's token table.
   */
  private static final List<String> PRIORITY = List.of(
      "\")\"", "\",\"", "\"(\"", "\"AS\"", "\"FROM\"", "\"WHERE\"", "\"GROUP\"", "\"HAVING\"",
      "\"WINDOW\"", "\"ORDER\"", "\"LIMIT\"", "\"UNION\"", "\"JOIN\"", "\"ON\"", "\"SELECT\"",
      "\"VALUES\"", "\"INSERT\"", "\"WITH\"", "\"TABLE\"", "\"VIEW\"", "\"INTO\"", "\"FOR\"",
      "\"BY\"", "\"=\"", "\"NOT\"", "\"NULL\"", "\"PRIMARY\"", "\"WATERMARK\"", "\"METADATA\"",
      "\"COMMENT\"", "\"ENFORCED\"", "\"SAVEPOINT\"", "<identifier>", "<string>", "<number>",
      "\";\"", "<end of input>");

  private static final Pattern LEXICAL =
      Pattern.compile("(?s)Lexical error at line \\d+, column \\d+\\.\\s*"
          + "Encountered: (.*?),? after : \"(.*)\"\\s*");

  private static final SqlAbstractParserImpl.Metadata METADATA =
      WeirSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

  private ParseErrors() {}

  /** Whether {@code sql} holds nothing but whitespace and comments. */
  static boolean hasNoTokens(String sql) {
    WeirSqlParserImpl parser = new WeirSqlParserImpl(new StringReader(sql));
    // Lex.JAVA's lexical state, in which back-quotes start identifiers.
    parser.switchTo(SqlAbstractParserImpl.LexicalState.BQID);
    try {
      return parser.getNextToken().kind == WeirSqlParserImplConstants.EOF;
    } catch (TokenMgrError e) {
      return false;
    }
  }

  static SqlException toSqlException(String sql, SqlParseException e) {
    SqlParserPos pos = e.getPos();
    String detail;
    if (e.getExpectedTokenSequences() != null && e.getTokenImages() != null) {
      Syntax syntax = new Syntax(sql, e);
      pos = syntax.pos;
      detail = syntax.message();
    } else {
      detail = otherDetail(e);
    }
    if (pos == null || pos.getLineNum() <= 0) {
      return new SqlException("SQL parse error: " + detail, 0, 0, 0, 0, e);
    }
    String message = String.format("SQL parse error at line %d, column %d: %s",
        pos.getLineNum(), pos.getColumnNum(), detail);
    return new SqlException(message, pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(),
        pos.getEndColumnNum(), e);
  }

  /** A lexical error (bad character, unterminated string or comment) or a grammar action's. */
  private static String otherDetail(SqlParseException e) {
    if (e.getCause() instanceof StackOverflowError) {
      // Calcite's recursive-descent parser runs out of stack on thousands of nested levels.
      return "the statement is nested too deeply to parse (thousands of parentheses or subqueries?)";
    }
    String message = e.getMessage() == null ? "" : e.getMessage().trim();
    if (message.isEmpty()) {
      return "the parser failed" + (e.getCause() == null ? "" : ": " + e.getCause());
    }
    Matcher lexical = LEXICAL.matcher(message);
    if (lexical.matches()) {
      String encountered = lexical.group(1).trim();
      String after = abbreviate(lexical.group(2));
      if (encountered.equals("<EOF>")) {
        return "unexpected end of input"
            + (after.isEmpty() ? "" : " after \"" + after + "\"")
            + " (is a quote or a comment left open?)";
      }
      // JavaCC writes e.g. `"#" (35)`: drop the character code.
      return "unexpected character " + encountered.replaceAll("\\s*\\(\\d+\\)$", "");
    }
    return message;
  }

  private static String abbreviate(String text) {
    return text.length() <= 20 ? text : "..." + text.substring(text.length() - 20);
  }

  /** A syntax error: an unexpected token where the grammar expected others. */
  private static final class Syntax {
    final SqlParserPos pos;
    final String encountered;
    final List<String> expected;
    final String suggestion;
    final boolean keywordAsName;

    Syntax(String sql, SqlParseException e) {
      List<String> names = expectedNames(e);
      // Calcite may replace the ParseException (for a keyword where a name may stand) with one
      // that lost the tokens; then the offending text is read back from the SQL.
      Token next = null;
      Token previous = null;
      if (e.getCause() instanceof ParseException cause && cause.currentToken != null) {
        previous = cause.currentToken;
        next = previous.next;
      }
      SqlParserPos errorPos = e.getPos();
      String offending = next != null ? next.image : textAt(sql, errorPos);
      boolean atEnd = next != null && next.kind == WeirSqlParserImplConstants.EOF;

      // `SELECT a FORM t`: FORM parses as an alias of `a`, so the error only shows at `t`.
      // If the word before the error is a plain name that looks like a keyword expected here,
      // blame that word instead.
      String similar = null;
      if (previous != null && previous.kind == WeirSqlParserImplConstants.IDENTIFIER) {
        similar = similarKeyword(previous.image, names);
        if (similar != null) {
          errorPos = new SqlParserPos(previous.beginLine, previous.beginColumn, previous.endLine,
              previous.endColumn);
          offending = previous.image;
          atEnd = false;
        }
      }
      if (similar == null && !atEnd) {
        similar = similarKeyword(offending, names);
      }
      if (atEnd && previous != null) {
        // JavaCC puts the end-of-input token on the last character; point just past the last
        // token instead, where the missing text would go.
        errorPos = new SqlParserPos(previous.endLine, previous.endColumn + 1, previous.endLine,
            previous.endColumn + 1);
      }
      this.pos = errorPos;
      this.encountered = atEnd ? "end of input" : "\"" + offending + "\"";
      this.suggestion = similar;
      this.keywordAsName = !atEnd && similar == null && names.contains("<identifier>")
          && METADATA.isReservedWord(offending.toUpperCase(Locale.ROOT));
      this.expected = rank(names, similar);
    }

    String message() {
      StringBuilder message = new StringBuilder("encountered ").append(encountered);
      if (!expected.isEmpty()) {
        message.append(" but expected ")
            .append(expected.size() == 1 ? "" : "one of: ")
            .append(String.join(", ", expected.subList(0, Math.min(MAX_EXPECTED,
                expected.size()))));
        if (expected.size() > MAX_EXPECTED) {
          message.append(", ...");
        }
      }
      if (suggestion != null) {
        message.append(" (did you mean \"").append(suggestion).append("\"?)");
      } else if (encountered.equals("\"'\"")) {
        // The lexer only makes a lone quote a token when no closing quote follows.
        message.append(" (a string literal is not closed)");
      } else if (keywordAsName) {
        message.append(" (").append(encountered)
            .append(" is a reserved keyword; to use it as a name, quote it: `")
            .append(encountered, 1, encountered.length() - 1).append("`)");
      }
      return message.toString();
    }

    private static List<String> rank(List<String> names, String similar) {
      List<String> ranked = new ArrayList<>(names);
      ranked.sort(Comparator.comparingInt(name -> {
        if (similar != null && name.equals("\"" + similar + "\"")) {
          return -1;
        }
        int i = PRIORITY.indexOf(name);
        return i < 0 ? PRIORITY.size() : i;
      }));
      return ranked;
    }
  }

  /** The expected tokens in display form, de-duplicated, in the grammar's token order. */
  private static List<String> expectedNames(SqlParseException e) {
    Set<String> names = new LinkedHashSet<>();
    String[] images = e.getTokenImages();
    for (int[] sequence : e.getExpectedTokenSequences()) {
      if (sequence.length > 0) {
        names.add(displayName(images[sequence[0]]));
      }
    }
    return new ArrayList<>(names);
  }

  /** {@code "FROM"} stays; {@code <BACK_QUOTED_IDENTIFIER>} becomes {@code <identifier>}. */
  static String displayName(String image) {
    if (!image.startsWith("<") || !image.endsWith(">")) {
      return image;
    }
    String kind = image.substring(1, image.length() - 1);
    if (kind.equals("EOF")) {
      return "<end of input>";
    }
    if (kind.endsWith("IDENTIFIER")) {
      return "<identifier>";
    }
    if (kind.contains("STRING")) {
      return "<string>";
    }
    if (kind.contains("NUMERIC") || kind.contains("INTEGER")) {
      return "<number>";
    }
    return "<" + kind.toLowerCase(Locale.ROOT).replace('_', ' ') + ">";
  }

  /**
   * The expected keyword {@code word} is probably a misspelling of: one edit away (a letter
   * added, dropped, changed, or two swapped), and at least four letters long, so that short
   * names (`id`, `ts`) are not mistaken for AS, ON, BY...
   */
  static String similarKeyword(String word, List<String> expected) {
    String upper = word.toUpperCase(Locale.ROOT);
    if (upper.length() < 3 || METADATA.isKeyword(upper)) {
      return null;
    }
    for (String name : expected) {
      if (name.length() < 6 || !name.startsWith("\"") || !name.endsWith("\"")) {
        continue;
      }
      String keyword = name.substring(1, name.length() - 1);
      if (keyword.chars().allMatch(Character::isLetter) && editDistance(upper, keyword) == 1) {
        return keyword;
      }
    }
    return null;
  }

  /** Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The text of {@code sql} between the 1-based positions of {@code pos}, both inclusive. */
  static String textAt(String sql, SqlParserPos pos) {
    if (pos == null) {
      return "";
    }
    int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
    int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum());
    if (start < 0 || end < start) {
      return "";
    }
    return sql.substring(start, Math.min(sql.length(), end + 1));
  }

  private static int offset(String sql, int line, int column) {
    int currentLine = 1;
    int i = 0;
    while (currentLine < line && i < sql.length()) {
      char c = sql.charAt(i++);
      if (c == '\n' || (c == '\r' && (i >= sql.length() || sql.charAt(i) != '\n'))) {
        currentLine++;
      }
    }
    return currentLine == line ? i + column - 1 : -1;
  }
}
