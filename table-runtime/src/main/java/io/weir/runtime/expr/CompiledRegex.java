package io.weir.runtime.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression ready for many inputs on one thread: compiled once, with one {@link
 * Matcher} reset for each input instead of a new one, and a literal every match must contain
 * (found with {@link String#contains}, much faster than the regex engine's search), so an input
 * without it is rejected without running the regex at all.
 */
final class CompiledRegex {
  private static final String META = "\\^$.|?*+()[]{}";

  private final Matcher matcher;
  private final String required;

  CompiledRegex(String regex) {
    this.matcher = Pattern.compile(regex).matcher("");
    this.required = requiredLiteral(regex);
  }

  /** A matcher over {@code input}, or null when {@code input} cannot match. Valid until the next call. */
  Matcher matcher(String input) {
    if (required != null && !input.contains(required)) {
      return null;
    }
    return matcher.reset(input);
  }

  /**
   * The longest run of plain characters at the top level of {@code regex} that every match
   * contains, or null. Conservative: a pattern with flags or a top-level alternation has none, and
   * runs end at escapes, groups, classes and before a quantified character.
   */
  static String requiredLiteral(String regex) {
    if (regex.contains("(?")) {
      return null; // flags such as (?i) change what a literal matches
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        best = longer(best, run);
        i++; // the escaped character is not taken
        continue;
      }
      if (c == '[') {
        best = longer(best, run);
        int end = classEnd(regex, i);
        if (end < 0) {
          return null;
        }
        i = end;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return null; // either side may match: nothing is required
      }
      if (depth > 0 || META.indexOf(c) >= 0) {
        if (c == '?' || c == '*' || c == '+' || c == '{') {
          // the character before a quantifier is optional or repeated: not part of the run
          if (run.length() > 0) {
            run.setLength(run.length() - 1);
          }
        }
        best = longer(best, run);
        continue;
      }
      run.append(c);
    }
    best = longer(best, run);
    return best.isEmpty() ? null : best;
  }

  /** The index of the ']' closing the class opened at {@code start}, or -1. */
  private static int classEnd(String regex, int start) {
    int i = start + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++; // a leading ']' is a member
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        return -1; // nested classes: not worth understanding here
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }

  private static String longer(String best, StringBuilder run) {
    String candidate = run.toString();
    run.setLength(0);
    return candidate.length() > best.length() ? candidate : best;
  }
}
