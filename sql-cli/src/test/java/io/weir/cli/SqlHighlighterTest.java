package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

  @Test
  void keywordsStringsNumbersAndCommentsAreStyled() {
    String sql = "SELECT name, 'it''s' -- why\nFROM t WHERE n > 42 /* c */";
    AttributedString text = new SqlHighlighter(() -> true).highlight(sql);
    assertEquals(sql, text.toString());
    assertEquals(SqlHighlighter.KEYWORD, text.styleAt(0));
    assertEquals(AttributedStyle.DEFAULT, text.styleAt(sql.indexOf("name")));
    assertEquals(SqlHighlighter.STRING, text.styleAt(sql.indexOf("'it")));
    assertEquals(SqlHighlighter.STRING, text.styleAt(sql.indexOf("s'")));
    assertEquals(SqlHighlighter.COMMENT, text.styleAt(sql.indexOf("why")));
    assertEquals(SqlHighlighter.KEYWORD, text.styleAt(sql.indexOf("FROM")));
    assertEquals(SqlHighlighter.NUMBER, text.styleAt(sql.indexOf("42")));
    assertEquals(SqlHighlighter.COMMENT, text.styleAt(sql.indexOf(" c ")));
  }

  @Test
  void noColoursWhenSwitchedOff() {
    AtomicBoolean on = new AtomicBoolean(false);
    SqlHighlighter highlighter = new SqlHighlighter(on::get);
    AttributedString text = highlighter.highlight("SELECT 1");
    assertEquals(AttributedStyle.DEFAULT, text.styleAt(0));
    assertEquals(AttributedStyle.DEFAULT, text.styleAt(7));
    on.set(true);
    assertEquals(SqlHighlighter.KEYWORD, highlighter.highlight("SELECT 1").styleAt(0));
  }
}
