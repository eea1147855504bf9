package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.engine.ResultStream;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen view of the {@code table} and {@code changelog} result modes, on the terminal's
 * alternate screen (as {@code less} does), redrawn as the query's changelog arrives:
 *
 * <pre>
 *  Weir · table · job 4f1c…                          q quit · ↑↓ PgUp PgDn Home End · ←→
 * +----------+----------------------+
 * | customer |                    n |
 * +----------+----------------------+
 * |     a1b2 |                    3 |
 * +----------+----------------------+
 *  rows: 1 · 4.0 changes/s · watermark 2026-11-25 10:00:03.000 · RUNNING · last change 0.2 s ago
 * </pre>
 *
 * <p>q, Esc or Ctrl-C leave the view and stop the query; the arrows, PgUp/PgDn (and space),
 * Home/End scroll; ←/→ scroll wide tables sideways. The view follows the terminal's size. A
 * query that ends (bounded input, failure) stays on screen until the user leaves. Columns grow to
 * the widest value seen, at most {@code maxColumnWidth}, so they do not jump back and forth.
 */
final class ResultView {
  /** How long one wait for rows lasts: also how soon a key or a cancel is noticed. */
  private static final Duration POLL = Duration.ofMillis(50);
  /** Redraw at most this often while changes stream in; once a second otherwise (the clock ticks). */
  private static final long REDRAW_MILLIS = 100;
  private static final long IDLE_REDRAW_MILLIS = 1000;
  /** Lines around the rows: title, border, header, border … bottom border, status. */
  private static final int CHROME_LINES = 6;
  private static final int SIDEWAYS_STEP = 8;

  enum Key { QUIT, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, LEFT, RIGHT, NONE }

  /** How the user left the view. */
  enum Exit { QUIT, CANCELLED, INTERRUPTED }

  private final Terminal terminal;
  private final String modeName;
  private final ResultModel model;
  private final int maxColumnWidth;
  private final ZoneId zone;
  private final LongSupplier clock;

  private int[] widths;
  private int top;
  private int left;
  /** Whether the view keeps the newest row in sight (changelog mode, until the user scrolls up). */
  private boolean follow;
  private long lastChangeMillis = -1;
  private long rateSinceMillis;
  private long rateSinceChanges;
  private double changesPerSecond;

  ResultView(Terminal terminal, String modeName, ResultModel model, int maxColumnWidth, ZoneId zone, boolean follow) {
    this(terminal, modeName, model, maxColumnWidth, zone, follow, System::currentTimeMillis);
  }

  ResultView(Terminal terminal, String modeName, ResultModel model, int maxColumnWidth, ZoneId zone, boolean follow,
      LongSupplier clock) {
    this.terminal = terminal;
    this.modeName = modeName;
    this.model = model;
    this.maxColumnWidth = maxColumnWidth;
    this.zone = zone;
    this.follow = follow;
    this.clock = clock;
    this.widths = new int[model.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.min(TableLayout.displayWidth(model.columns().get(i)), Math.max(maxColumnWidth, 4));
    }
    this.rateSinceMillis = clock.getAsLong();
  }

  /**
   * Shows {@code query} until the user leaves or {@code cancelled} turns true; the caller stops
   * the query afterwards.
   */
  Exit show(StatementResult.QueryResult query, BooleanSupplier cancelled) {
    ResultStream stream = query.stream();
    Attributes saved = terminal.enterRawMode();
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.puts(Capability.cursor_invisible);
    terminal.flush();
    Display display = new Display(terminal, true);
    Size size = terminal.getSize();
    display.resize(size.getRows(), size.getColumns());
    BindingReader keys = new BindingReader(terminal.reader());
    KeyMap<Key> keyMap = keyMap(terminal);
    try {
      long lastDraw = 0;
      boolean dirty = true;
      while (true) {
        if (cancelled.getAsBoolean()) {
          return Exit.CANCELLED;
        }
        boolean ended = stream.isEnd();
        if (!ended) {
          List<Row> rows = stream.poll(POLL, 5_000);
          for (Row row : rows) {
            model.apply(row);
          }
          if (!rows.isEmpty()) {
            lastChangeMillis = clock.getAsLong();
            dirty = true;
          }
        }
        int c = keys.peekCharacter(ended ? POLL.toMillis() : 1);
        if (c >= 0) {
          Key key = keys.readBinding(keyMap);
          if (key == Key.QUIT) {
            return Exit.QUIT;
          }
          if (key != null && key != Key.NONE) {
            scroll(key, Math.max(1, size.getRows() - CHROME_LINES));
            dirty = true;
          }
        } else if (c == NonBlockingReader.EOF) {
          return Exit.QUIT;
        }
        Size now = terminal.getSize();
        if (now.getRows() != size.getRows() || now.getColumns() != size.getColumns()) {
          size = now;
          display.clear();
          display.resize(size.getRows(), size.getColumns());
          dirty = true;
        }
        long t = clock.getAsLong();
        if ((dirty && t - lastDraw >= REDRAW_MILLIS) || t - lastDraw >= IDLE_REDRAW_MILLIS) {
          display.update(screen(size.getRows(), size.getColumns(), query.job(), stream), -1);
          terminal.flush();
          lastDraw = t;
          dirty = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Exit.INTERRUPTED;
    } finally {
      terminal.puts(Capability.cursor_normal);
      terminal.puts(Capability.keypad_local);
      terminal.puts(Capability.exit_ca_mode);
      terminal.setAttributes(saved);
      terminal.flush();
    }
  }

  /** The keys of the view; both cursor-key encodings (normal and application mode) are bound. */
  static KeyMap<Key> keyMap(Terminal terminal) {
    KeyMap<Key> map = new KeyMap<>();
    map.setNomatch(Key.NONE);
    map.setUnicode(Key.NONE);
    map.bind(Key.QUIT, "q", "Q", KeyMap.esc(), KeyMap.ctrl('C'));
    map.bind(Key.UP, "\033[A", "\033OA", "k");
    map.bind(Key.DOWN, "\033[B", "\033OB", "j", "\r", "\n");
    map.bind(Key.RIGHT, "\033[C", "\033OC", "l");
    map.bind(Key.LEFT, "\033[D", "\033OD", "h");
    map.bind(Key.PAGE_UP, "\033[5~", "b");
    map.bind(Key.PAGE_DOWN, "\033[6~", " ");
    map.bind(Key.HOME, "\033[H", "\033OH", "\033[1~", "g");
    map.bind(Key.END, "\033[F", "\033OF", "\033[4~", "G");
    bindCapability(map, terminal, Key.UP, Capability.key_up);
    bindCapability(map, terminal, Key.DOWN, Capability.key_down);
    bindCapability(map, terminal, Key.LEFT, Capability.key_left);
    bindCapability(map, terminal, Key.RIGHT, Capability.key_right);
    bindCapability(map, terminal, Key.PAGE_UP, Capability.key_ppage);
    bindCapability(map, terminal, Key.PAGE_DOWN, Capability.key_npage);
    bindCapability(map, terminal, Key.HOME, Capability.key_home);
    bindCapability(map, terminal, Key.END, Capability.key_end);
    map.setAmbiguousTimeout(100);
    return map;
  }

  private static void bindCapability(KeyMap<Key> map, Terminal terminal, Key key, Capability capability) {
    String seq = KeyMap.key(terminal, capability);
    if (seq != null && !seq.isEmpty()) {
      map.bind(key, seq);
    }
  }

  /** Moves the window over the rows; {@code page} is how many rows fit on the screen. */
  void scroll(Key key, int page) {
    int last = Math.max(0, model.size() - page);
    switch (key) {
      case UP -> top--;
      case DOWN -> top++;
      case PAGE_UP -> top -= page;
      case PAGE_DOWN -> top += page;
      case HOME -> top = 0;
      case END -> top = last;
      case LEFT -> left = Math.max(0, left - SIDEWAYS_STEP);
      case RIGHT -> left += SIDEWAYS_STEP;
      default -> { }
    }
    top = Math.max(0, Math.min(top, last));
    // Going up stops following the newest rows (even when all rows still fit on the screen);
    // reaching the bottom going down starts it again.
    if (key == Key.UP || key == Key.PAGE_UP || key == Key.HOME) {
      follow = false;
    } else if (key == Key.DOWN || key == Key.PAGE_DOWN || key == Key.END) {
      follow = top == last;
    }
  }

  /** The whole screen: title, the visible part of the table, the status line. */
  List<AttributedString> screen(int rows, int columns, Job job, ResultStream stream) {
    int page = Math.max(1, rows - CHROME_LINES);
    int last = Math.max(0, model.size() - page);
    top = follow ? last : Math.min(top, last);
    List<String[]> visible = model.rows(top, page);
    for (String[] cells : visible) {
      for (int i = 0; i < cells.length && i < widths.length; i++) {
        widths[i] = Math.max(widths[i], Math.min(TableLayout.displayWidth(TableLayout.fit(cells[i], Integer.MAX_VALUE)),
            maxColumnWidth));
      }
    }
    List<AttributedString> lines = new ArrayList<>(rows);
    lines.add(title(job, columns));
    String border = TableLayout.border(widths);
    lines.add(cut(border, columns));
    lines.add(cut(TableLayout.line(model.columns().toArray(new String[0]), widths), columns));
    lines.add(cut(border, columns));
    for (String[] cells : visible) {
      lines.add(cut(TableLayout.line(cells, widths), columns));
    }
    lines.add(cut(visible.isEmpty() ? "(no rows yet)" : border, columns));
    while (lines.size() < rows - 1) {
      lines.add(AttributedString.EMPTY);
    }
    lines.add(status(job, stream, page, columns));
    return lines.subList(Math.max(0, lines.size() - rows), lines.size());
  }

  /** The line after scrolling sideways, cut at the screen's right edge. */
  private AttributedString cut(String line, int columns) {
    AttributedString text = new AttributedString(line);
    int from = Math.min(left, Math.max(0, text.columnLength() - 1));
    return text.columnSubSequence(from, from + columns);
  }

  private AttributedString title(Job job, int columns) {
    String left = " Weir · " + modeName + " · job " + job.id();
    String right = "q quit · ↑↓ PgUp PgDn Home End · ←→ ";
    int gap = Math.max(1, columns - left.length() - right.length());
    AttributedStringBuilder sb = new AttributedStringBuilder();
    sb.style(AttributedStyle.INVERSE).append(left).append(" ".repeat(gap)).append(right);
    return sb.toAttributedString().columnSubSequence(0, columns);
  }

  AttributedString status(Job job, ResultStream stream, int page, int columns) {
    long now = clock.getAsLong();
    if (now - rateSinceMillis >= 1000) {
      changesPerSecond = (model.changes() - rateSinceChanges) * 1000.0 / (now - rateSinceMillis);
      rateSinceMillis = now;
      rateSinceChanges = model.changes();
    }
    StringBuilder sb = new StringBuilder(" rows: ").append(model.size());
    if (model.size() > page) {
      sb.append(" (").append(top + 1).append('-').append(Math.min(model.size(), top + page)).append(')');
    }
    sb.append(" · ").append(String.format(Locale.ROOT, "%.1f", changesPerSecond)).append(" changes/s");
    long wm = stream.watermark();
    sb.append(" · watermark ").append(wm == Long.MIN_VALUE ? "-" : wm == Long.MAX_VALUE ? "end of input"
        : ValueFormatter.formatTimestamp(wm, 3, zone));
    String state = stream.isEnd() && stream.failure() != null ? "FAILED: " + ErrorReport.message(stream.failure())
        : job.status().name();
    sb.append(" · ").append(state);
    sb.append(" · last change ").append(lastChangeMillis < 0 ? "none"
        : String.format(Locale.ROOT, "%.1f s ago", (now - lastChangeMillis) / 1000.0));
    AttributedStringBuilder line = new AttributedStringBuilder();
    line.style(AttributedStyle.BOLD).append(sb.toString().replace('\n', ' '));
    return line.toAttributedString().columnSubSequence(0, columns);
  }
}
