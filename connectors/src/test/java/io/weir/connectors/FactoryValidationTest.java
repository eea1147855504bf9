package io.weir.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The factories as the planner finds them: through the ServiceLoader, checked by FactoryUtil. */
class FactoryValidationTest {

  @Test
  void everyConnectorIsRegistered() {
    assertEquals(Set.of("blackhole", "datagen", "filesystem", "kafka", "nexmark", "print", "upsert-kafka"), FactoryUtil.connectorNames());
  }

  @Test
  void anUnknownConnectorListsTheAvailableOnes() {
    WeirException e = assertThrows(WeirException.class,
        () -> FactoryUtil.validate("t", Map.of("connector", "kafkaaa")));
    assertTrue(e.getMessage().contains("Available connectors: blackhole, datagen, filesystem, kafka, nexmark, print, upsert-kafka"), e.getMessage());
  }

  @Test
  void anUnknownOptionListsTheValidOnesIncludingTheFormats() {
    WeirException e = assertThrows(WeirException.class, () -> FactoryUtil.validate("t", Map.of(
        "connector", "filesystem", "path", "/tmp/x", "format", "json", "json.ignore-parse-error", "true")));
    String m = e.getMessage();
    assertTrue(m.contains("[json.ignore-parse-error]"), m);
    for (String valid : List.of("path", "format", "source.monitor-interval", "json.ignore-parse-errors",
        "json.fail-on-missing-field", "json.timestamp-format.standard", "json.map-null-key.mode",
        "json.encode.decimal-as-plain-number")) {
      assertTrue(m.contains(valid), valid + " missing from: " + m);
    }
  }

  @Test
  void csvOptionsAreListedForCsv() {
    WeirException e = assertThrows(WeirException.class, () -> FactoryUtil.validate("t", Map.of(
        "connector", "filesystem", "path", "/tmp/x", "format", "csv", "csv.delimiter", ";")));
    assertTrue(e.getMessage().contains("csv.field-delimiter"), e.getMessage());
  }

  @Test
  void anUnknownFormatListsTheAvailableOnes() {
    WeirException e = assertThrows(WeirException.class, () -> FactoryUtil.validate("t", Map.of(
        "connector", "filesystem", "path", "/tmp/x", "format", "avro")));
    assertTrue(e.getMessage().contains("Available formats: csv, debezium-json, json, raw"), e.getMessage());
  }

  @Test
  void theDatagenPrefixAdmitsPerFieldOptionsAndOthersAreRejected() {
    FactoryUtil.validate("t", Map.of("connector", "datagen", "fields.a.kind", "random"));
    WeirException e = assertThrows(WeirException.class,
        () -> FactoryUtil.validate("t", Map.of("connector", "datagen", "rows-per-sec", "5")));
    assertTrue(e.getMessage().contains("rows-per-second") && e.getMessage().contains("fields.*"), e.getMessage());
  }

  @Test
  void blackholeTakesNoOptionsAndDiscardsEveryRow() throws Exception {
    assertThrows(WeirException.class, () -> FactoryUtil.validate("t", Map.of("connector", "blackhole", "x", "y")));
    RowType type = RowType.builder().add("a", LogicalType.integer()).build();
    Map<String, String> options = Map.of("connector", "blackhole");
    TableContext ctx = new TableContext("t", options, type, List.of(0), new Configuration());
    try (SinkWriter w = FactoryUtil.sinkFactory("t", options).createSink(ctx).createWriter(new SinkContext(0, 1))) {
      w.write(Row.of(1));
      w.write(Row.ofKind(RowKind.DELETE, 1));
      w.flush();
    }
    WeirException e = assertThrows(WeirException.class, () -> FactoryUtil.sourceFactory("t", options));
    assertTrue(e.getMessage().contains("sink only"), e.getMessage());
  }

  @Test
  void printIsASinkOnly() {
    assertThrows(WeirException.class, () -> FactoryUtil.sourceFactory("t", Map.of("connector", "print")));
  }
}
