package io.weir.cli;

import java.util.function.BooleanSupplier;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours SQL as it is typed: keywords bold blue, strings green, numbers cyan, comments grey;
 * quoted identifiers and the rest stay plain. Off while {@code enabled} says so (the
 * {@code sql-client.display.color-schema} option is {@code none}). Called on JLine's thread.
 */
final class SqlHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);

  private final BooleanSupplier enabled;

  SqlHighlighter(BooleanSupplier enabled) {
    this.enabled = enabled;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  AttributedString highlight(String buffer) {
    if (!enabled.getAsBoolean()) {
      return new AttributedString(buffer);
    }
    AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
    int n = buffer.length();
    int i = 0;
    while (i < n) {
      char c = buffer.charAt(i);
      char next = i + 1 < n ? buffer.charAt(i + 1) : '\0';
      int end;
      AttributedStyle style = AttributedStyle.DEFAULT;
      if (c == '-' && next == '-') {
        end = buffer.indexOf('\n', i);
        end = end < 0 ? n : end;
        style = COMMENT;
      } else if (c == '/' && next == '*') {
        end = buffer.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        style = COMMENT;
      } else if (c == '\'' || c == '"' || c == '`') {
        end = buffer.indexOf(c, i + 1);
        end = end < 0 ? n : end + 1;
        style = c == '\'' ? STRING : AttributedStyle.DEFAULT;
      } else if (Character.isDigit(c) && (i == 0 || !isWordChar(buffer.charAt(i - 1)))) {
        end = i + 1;
        while (end < n && (Character.isDigit(buffer.charAt(end)) || buffer.charAt(end) == '.')) {
          end++;
        }
        style = NUMBER;
      } else if (isWordChar(c)) {
        end = i + 1;
        while (end < n && isWordChar(buffer.charAt(end))) {
          end++;
        }
        if (SqlKeywords.isKeyword(buffer.substring(i, end))) {
          style = KEYWORD;
        }
      } else {
        end = i + 1;
      }
      sb.styled(style, buffer.substring(i, end));
      i = end;
    }
    return sb.toAttributedString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
