package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.formats.RecordDecoder;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.RowDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one file, a record per line (a record may continue on the next lines when its format says
 * so, e.g. a quoted CSV field with a line break). A malformed record fails the read with the file,
 * the 1-based line number and the format's description of the field; when the format skips it
 * ({@code ignore-parse-errors}) the reader reports it through {@link
 * ReaderContext#recordSkipped}.
 */
final class FileReader implements SplitReader {
  static final int BATCH_SIZE = 512;

  private final Path path;
  private final RowDecoder decoder;
  private final RecordDecoder recordDecoder;
  private final ReaderContext context;
  private LineReader lines;
  private boolean finished;
  private long recordLine;
  private boolean skipReported;

  /** Lines already consumed by the checkpointed reader this one continues; skipped on open. */
  private long resumeAfterLine;

  /** Continues after line {@code line}, every record up to which was read before. */
  FileReader(Path path, RowDecoder decoder, ReaderContext context, long line) {
    this(path, decoder, context);
    this.resumeAfterLine = line;
    this.linesConsumed = line;
  }

  /** Lines consumed by a reader that has been closed. */
  private long linesConsumed;

  FileReader(Path path, RowDecoder decoder, ReaderContext context) {
    this.path = path;
    this.decoder = decoder;
    this.context = context;
    this.recordDecoder = decoder instanceof RecordDecoder r ? r : null;
    if (recordDecoder != null) {
      recordDecoder.setSkipListener(reason -> {
        skipReported = true;
        context.recordSkipped("File '" + path + "', line " + recordLine + ": " + reason);
      });
    }
  }

  @Override
  public ReadStatus read(Consumer<Row> out) throws IOException {
    if (finished) {
      return ReadStatus.END_OF_SPLIT;
    }
    if (lines == null) {
      lines = new LineReader(open());
      while (lines.lineNumber() < resumeAfterLine) {
        if (!lines.next(false)) {
          throw new WeirException("File '" + path + "' has fewer lines than the " + resumeAfterLine
              + " a checkpoint recorded as read; it was changed after it was read");
        }
      }
    }
    int emitted = 0;
    while (emitted < BATCH_SIZE) {
      if (!lines.next(false)) {
        close();
        finished = true;
        return emitted > 0 ? ReadStatus.MORE_AVAILABLE : ReadStatus.END_OF_SPLIT;
      }
      recordLine = lines.lineNumber();
      if (recordDecoder != null) {
        while (recordDecoder.isIncomplete(lines.buffer(), 0, lines.length()) && lines.next(true)) {
          // the record continues on the next line
        }
        if (recordDecoder.isIgnorable(lines.buffer(), 0, lines.length())) {
          continue;
        }
      } else if (lines.length() == 0) {
        continue;
      }
      boolean read;
      skipReported = false;
      try {
        // A changelog format (debezium-json) may turn one record into several rows: -U then +U.
        read = decoder.decode(lines.buffer(), 0, lines.length(), out);
      } catch (FormatException e) {
        throw new WeirException(
            "Failed to read file '" + path + "' at line " + recordLine + ": " + e.getMessage(), e);
      }
      if (!read) {
        if (!skipReported) {
          context.recordSkipped("File '" + path + "', line " + recordLine + ": malformed record skipped");
        }
        continue;
      }
      emitted++;
    }
    return ReadStatus.MORE_AVAILABLE;
  }

  /**
   * The number of lines consumed: records end at line ends, so every record up to this line was
   * emitted (or skipped as malformed), none after it.
   */
  @Override
  public String position() {
    return Long.toString(lines == null ? linesConsumed : lines.lineNumber());
  }

  private InputStream open() {
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw new WeirException("Cannot open file '" + path + "': " + e, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      linesConsumed = lines.lineNumber();
      lines.close();
      lines = null;
    }
  }
}
