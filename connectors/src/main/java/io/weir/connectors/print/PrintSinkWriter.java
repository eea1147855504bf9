package io.weir.connectors.print;

import io.weir.common.data.Row;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import java.io.PrintStream;

/**
 * Prints the rows of one sink task, each on its own line, prefixed as Flink does:
 *
 * <pre>
 * +I[a, 1]        no identifier, parallelism 1
 * 2> +I[a, 1]     no identifier, parallelism > 1: the task's number (index + 1)
 * id> +I[a, 1]    print-identifier 'id', parallelism 1
 * id:2> +I[a, 1]  print-identifier 'id', parallelism > 1
 * </pre>
 *
 * The stream is looked up at every row, so a redirected {@code System.out} is honoured.
 */
final class PrintSinkWriter implements SinkWriter {
  private final String prefix;
  private final boolean stdErr;
  private final PrintRowFormatter formatter;

  PrintSinkWriter(String identifier, boolean stdErr, PrintRowFormatter formatter, SinkContext context) {
    this.prefix = prefix(identifier, context);
    this.stdErr = stdErr;
    this.formatter = formatter;
  }

  static String prefix(String identifier, SinkContext context) {
    String p = identifier == null ? "" : identifier;
    if (context.parallelism() > 1) {
      p = p.isEmpty() ? String.valueOf(context.subtaskIndex() + 1) : p + ":" + (context.subtaskIndex() + 1);
    }
    return p.isEmpty() ? "" : p + "> ";
  }

  @Override
  public void write(Row row) {
    PrintStream stream = stdErr ? System.err : System.out;
    stream.println(prefix + formatter.format(row));
  }

  @Override
  public void flush() {
    (stdErr ? System.err : System.out).flush();
  }
}
