package io.weir.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when Enter finishes the input: only once every statement typed ends with a
 * {@code ;} outside quotes and comments (see {@link StatementSplitter}), or the input is a bare
 * shell command ({@code QUIT}). Until then Enter opens a continuation line, as in Flink's shell.
 */
final class SqlLineParser implements Parser {
  // Words for JLine's own needs (completion, cursor movement); SQL has no backslash escapes.
  private final DefaultParser words = new DefaultParser().escapeChars(new char[0]).quoteChars(new char[0]);

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !isFinished(line)) {
      throw new EOFError(-1, -1, "the statement continues until ';'", ";");
    }
    return words.parse(line, cursor, context == ParseContext.ACCEPT_LINE ? ParseContext.UNSPECIFIED : context);
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  static boolean isFinished(String input) {
    StatementSplitter.Split split = StatementSplitter.split(input);
    return split.complete() || (!split.open() && ShellCommand.parse(split.rest()) != null);
  }
}
