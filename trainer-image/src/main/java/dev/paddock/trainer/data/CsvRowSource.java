package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV table with a header row, streamed with commons-csv from any reopenable byte stream. */
public final class CsvRowSource implements RowSource {

  /** Opens the bytes of the file, once per pass. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setTrim(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .get();

  private final Opener opener;
  private final String uri;
  private List<String> header;

  public CsvRowSource(Opener opener, String uri) {
    this.opener = opener;
    this.uri = uri;
  }

  @Override
  public String describe() {
    return uri;
  }

  @Override
  public synchronized List<String> header() {
    if (header == null) {
      try (CSVParser parser = parse()) {
        header = readHeader(parser);
      } catch (IOException e) {
        throw TrainerException.retryable("cannot read " + uri + ": " + e.getMessage(), e);
      }
    }
    return header;
  }

  private List<String> readHeader(CSVParser parser) {
    List<String> names = parser.getHeaderNames();
    if (names == null || names.isEmpty()) {
      throw TrainerException.user(uri + ": empty file (no header row)");
    }
    return List.copyOf(new ArrayList<>(names));
  }

  @Override
  public void scan(RowVisitor visitor) {
    try (CSVParser parser = parse()) {
      int width = readHeader(parser).size();
      CsvRow row = new CsvRow();
      long index = 0;
      for (CSVRecord record : parser) {
        if (record.size() != width) {
          throw TrainerException.user(
              uri
                  + ": row "
                  + (index + 1)
                  + " (line "
                  + parser.getCurrentLineNumber()
                  + ") has "
                  + record.size()
                  + " fields, the header has "
                  + width);
        }
        row.record = record;
        visitor.visit(index++, row);
      }
    } catch (IOException | UncheckedIOException e) {
      throw TrainerException.retryable("cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  private CSVParser parse() throws IOException {
    Reader reader =
        new BufferedReader(new InputStreamReader(opener.open(), StandardCharsets.UTF_8), 1 << 16);
    try {
      return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (IOException | RuntimeException e) {
      reader.close();
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        throw TrainerException.user(uri + ": not a valid CSV header: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static final class CsvRow implements RowView {
    private CSVRecord record;

    @Override
    public String get(int col) {
      return record.get(col);
    }

    @Override
    public int size() {
      return record.size();
    }
  }
}
