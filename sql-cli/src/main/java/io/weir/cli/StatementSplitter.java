package io.weir.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts shell input into statements. A statement ends with a {@code ;} that stands outside quotes
 * ({@code '…'}, {@code "…"}, {@code `…`}) and outside comments ({@code --} to the end of the line,
 * {@code /* … *}{@code /}); a doubled quote inside a quoted text ({@code 'it''s'}) needs no care,
 * because it closes and reopens the quote.
 *
 * <p>The shell asks it two things: whether the lines typed so far finish a statement (so Enter
 * runs it rather than opening a continuation line), and which statements to run. Pure functions;
 * thread-safe.
 */
final class StatementSplitter {
  private StatementSplitter() {}

  /**
   * What a scan of some input found.
   *
   * @param statements every finished statement, without its {@code ;}, trimmed; statements of
   *     nothing but blanks and comments are left out
   * @param rest the text after the last {@code ;}
   * @param restHasCode whether {@code rest} holds anything but blanks and comments
   * @param open whether the input ends inside a quote or a block comment
   * @param lines the line (from 1) each statement of {@code statements} starts on
   */
  record Split(List<String> statements, String rest, boolean restHasCode, boolean open, List<Integer> lines) {
    public Split {
      statements = List.copyOf(statements);
      lines = List.copyOf(lines);
    }

    /** True when no statement is left unfinished: Enter may run what was typed. */
    public boolean complete() {
      return !open && !restHasCode;
    }
  }

  private enum State { CODE, SINGLE_QUOTE, DOUBLE_QUOTE, BACK_QUOTE, LINE_COMMENT, BLOCK_COMMENT }

  /** Splits {@code text} into its finished statements and what follows the last one. */
  static Split split(String text) {
    List<String> statements = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    State state = State.CODE;
    int line = 1;
    int codeLine = 1;
    int start = 0;
    boolean hasCode = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (c == '\n') {
        line++;
      }
      if (state == State.CODE && !hasCode && !Character.isWhitespace(c) && c != ';'
          && !(c == '-' && next == '-') && !(c == '/' && next == '*')) {
        codeLine = line;
      }
      switch (state) {
        case CODE -> {
          if (c == '\'') {
            state = State.SINGLE_QUOTE;
            hasCode = true;
          } else if (c == '"') {
            state = State.DOUBLE_QUOTE;
            hasCode = true;
          } else if (c == '`') {
            state = State.BACK_QUOTE;
            hasCode = true;
          } else if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            i++;
          } else if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            i++;
          } else if (c == ';') {
            if (hasCode) {
              statements.add(text.substring(start, i).strip());
              lines.add(codeLine);
            }
            start = i + 1;
            hasCode = false;
          } else if (!Character.isWhitespace(c)) {
            hasCode = true;
          }
        }
        case SINGLE_QUOTE -> state = c == '\'' ? State.CODE : state;
        case DOUBLE_QUOTE -> state = c == '"' ? State.CODE : state;
        case BACK_QUOTE -> state = c == '`' ? State.CODE : state;
        case LINE_COMMENT -> state = c == '\n' ? State.CODE : state;
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            state = State.CODE;
            i++;
          }
        }
        default -> throw new IllegalStateException("unknown state " + state);
      }
    }
    boolean open = state != State.CODE && state != State.LINE_COMMENT;
    return new Split(statements, text.substring(start), hasCode, open, lines);
  }

  /** The finished statements of {@code text}; an unfinished tail is ignored. */
  static List<String> statements(String text) {
    return split(text).statements();
  }

  /** True when {@code text} ends no statement unfinished (blank input counts as finished). */
  static boolean isComplete(String text) {
    return split(text).complete();
  }
}
