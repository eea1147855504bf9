package io.weir.runtime.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CompiledRegexTest {

  @Test
  void requiredLiteralIsTheLongestTopLevelRunEveryMatchContains() {
    assertEquals("channel_id=", CompiledRegex.requiredLiteral("(&|^)channel_id=([^&]*)"));
    assertEquals("abc", CompiledRegex.requiredLiteral("abc"));
    // the character before a quantifier is optional or repeated
    assertEquals("ab", CompiledRegex.requiredLiteral("abc?"));
    assertEquals("ab", CompiledRegex.requiredLiteral("abc*d"));
    assertEquals("/item", CompiledRegex.requiredLiteral("[a-z]+/item.htm")); // '.' is not a literal
    assertEquals("query=", CompiledRegex.requiredLiteral("\\?query=(\\d+)"));
  }

  @Test
  void patternsWithoutASafeLiteralHaveNone() {
    assertNull(CompiledRegex.requiredLiteral("apple|pear"));
    assertNull(CompiledRegex.requiredLiteral("(?i)apple"));
    assertNull(CompiledRegex.requiredLiteral("(abc)"));
    assertNull(CompiledRegex.requiredLiteral("[abc]+"));
    assertNull(CompiledRegex.requiredLiteral("a*"));
  }

  @Test
  void inputsWithoutTheLiteralAreRejectedAndOthersMatchAsTheRegexDoes() {
    CompiledRegex r = new CompiledRegex("(&|^)channel_id=([^&]*)");
    assertNull(r.matcher("https://x/item.htm?query=1"));
    var m = r.matcher("https://x/item.htm?query=1&channel_id=42&y=1");
    assertEquals(true, m.find());
    assertEquals("42", m.group(2));
    // "channel_id=" present but not after '&' or at the start: the regex decides
    assertEquals(false, r.matcher("xchannel_id=7").find());
  }
}
