package io.weir.cli;

import io.weir.common.types.LogicalType;
import org.jline.utils.WCWidth;

/**
 * Column widths and cell text of the shell's boxed tables, following Flink's tableau style:
 * {@code +----+} borders, every cell right-aligned, {@code <NULL>} for null, and values wider
 * than their column cut to end in {@code ...}. Widths count terminal cells, so a CJK character
 * takes two.
 */
final class TableLayout {
  private TableLayout() {}

  /** How a null value is shown, as in Flink 1.20's SQL client. */
  static final String NULL_TEXT = "<NULL>";

  /** Marks a value that was cut to fit its column. */
  static final String CUT_MARK = "...";

  /**
   * The width a streaming result's column of {@code type} gets before any value is known: wide
   * enough for every value of fixed-size types ({@code -2147483648} for INT, {@code 2024-01-01
   * 12:00:00.000} for TIMESTAMP(3)), {@link ShellOptions#DEFAULT_MAX_COLUMN_WIDTH} for the rest.
   */
  static int widthOf(LogicalType type) {
    return widthOf(type, ShellOptions.DEFAULT_MAX_COLUMN_WIDTH);
  }

  /** As {@link #widthOf(LogicalType)}, with {@code max} for types whose values can be of any length. */
  static int widthOf(LogicalType type, int max) {
    int width = switch (type.root()) {
      case BOOLEAN -> 5; // FALSE
      case TINYINT -> 4;
      case SMALLINT -> 6;
      case INTEGER -> 11;
      case BIGINT -> 20;
      case FLOAT -> 15; // -1.17549435E-38
      case DOUBLE -> 24; // -1.2345678901234567E-100
      case DECIMAL -> type.precision() + 2; // sign and point
      case DATE -> 10;
      case TIME -> type.precision() == 0 ? 8 : 9 + type.precision();
      case TIMESTAMP, TIMESTAMP_LTZ -> type.precision() == 0 ? 19 : 20 + type.precision();
      case CHAR, VARCHAR -> Math.min(max, Math.max(1, type.precision()));
      case BINARY, VARBINARY -> type.precision() >= (max - 3) / 2 ? max : 2 * type.precision() + 3;
      case NULL -> NULL_TEXT.length();
      default -> max;
    };
    return Math.max(width, NULL_TEXT.length());
  }

  /** Terminal cells {@code s} takes: two for a wide (CJK) character, none for a combining one. */
  static int displayWidth(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      width += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return width;
  }

  /**
   * {@code value} made safe for one table cell of {@code width}: line breaks and tabs become
   * spaces (they would break the box), and a value too wide is cut to end in {@code ...}.
   */
  static String fit(String value, int width) {
    String flat = flatten(value);
    if (displayWidth(flat) <= width) {
      return flat;
    }
    int room = Math.max(0, width - CUT_MARK.length());
    StringBuilder sb = new StringBuilder();
    int used = 0;
    for (int i = 0; i < flat.length(); ) {
      int cp = flat.codePointAt(i);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (used + w > room) {
        break;
      }
      sb.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return sb.append(CUT_MARK, 0, Math.min(CUT_MARK.length(), width)).toString();
  }

  private static String flatten(String value) {
    StringBuilder sb = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(value.substring(0, i));
        }
        sb.append(' ');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? value : sb.toString();
  }

  /** {@code +----+------+}: the line above and below the header and below the last row. */
  static String border(int[] widths) {
    StringBuilder sb = new StringBuilder("+");
    for (int w : widths) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    return sb.toString();
  }

  /** {@code | +I |   42 |}: the cells fitted to their widths, right-aligned. */
  static String line(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String cell = fit(cells[i], widths[i]);
      sb.append(' ').append(" ".repeat(Math.max(0, widths[i] - displayWidth(cell)))).append(cell).append(" |");
    }
    return sb.toString();
  }
}
