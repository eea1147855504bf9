package io.weir.formats;

import io.weir.runtime.format.RowDecoder;
import java.util.function.Consumer;

/**
 * A {@link RowDecoder} of a line-oriented format that tells a reader more than a row or {@code
 * null}: why it skipped a malformed record, which lines carry no record at all (blank lines,
 * comments), and when a record continues on the next line (a CSV field quoted across a line break).
 * Used only by its reader's thread.
 */
public interface RecordDecoder extends RowDecoder {

  /**
   * Who hears why a malformed record was skipped (the format's {@code ignore-parse-errors}). A
   * decoder returns {@code null} from {@link #decode} either after telling the listener, or for a
   * record that {@link #isIgnorable} — which is not counted as skipped.
   */
  void setSkipListener(Consumer<String> listener);

  /** Whether the line carries no record (blank, or a comment) and should be passed over silently. */
  default boolean isIgnorable(byte[] line, int offset, int length) {
    return length == 0;
  }

  /** Whether the record so far ends inside a quoted field, so the next line belongs to it. */
  default boolean isIncomplete(byte[] record, int offset, int length) {
    return false;
  }
}
