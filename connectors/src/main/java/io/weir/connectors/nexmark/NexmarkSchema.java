package io.weir.connectors.nexmark;

import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.common.types.TypeRoot;
import java.util.List;

/**
 * The physical columns a nexmark table must declare, as Flink's suite does: a type tag and one
 * nullable ROW column per kind of event. Computed columns ({@code dateTime}) and the watermark are
 * the user's DDL and not checked here.
 */
final class NexmarkSchema {
  static final int EVENT_TYPE = 0;
  static final int PERSON = 1;
  static final int AUCTION = 2;
  static final int BID = 3;

  /** Values of {@code event_type}. */
  static final int PERSON_EVENT = 0;
  static final int AUCTION_EVENT = 1;
  static final int BID_EVENT = 2;

  static final RowType TYPE =
      RowType.builder()
          .add("event_type", LogicalType.integer())
          .add("person", row(
              field("id", LogicalType.bigint()),
              field("name", LogicalType.string()),
              field("emailAddress", LogicalType.string()),
              field("creditCard", LogicalType.string()),
              field("city", LogicalType.string()),
              field("state", LogicalType.string()),
              field("dateTime", LogicalType.timestamp(3)),
              field("extra", LogicalType.string())))
          .add("auction", row(
              field("id", LogicalType.bigint()),
              field("itemName", LogicalType.string()),
              field("description", LogicalType.string()),
              field("initialBid", LogicalType.bigint()),
              field("reserve", LogicalType.bigint()),
              field("dateTime", LogicalType.timestamp(3)),
              field("expires", LogicalType.timestamp(3)),
              field("seller", LogicalType.bigint()),
              field("category", LogicalType.bigint()),
              field("extra", LogicalType.string())))
          .add("bid", row(
              field("auction", LogicalType.bigint()),
              field("bidder", LogicalType.bigint()),
              field("price", LogicalType.bigint()),
              field("channel", LogicalType.string()),
              field("url", LogicalType.string()),
              field("dateTime", LogicalType.timestamp(3)),
              field("extra", LogicalType.string())))
          .build();

  private NexmarkSchema() {}

  private static LogicalType.Field field(String name, LogicalType type) {
    return new LogicalType.Field(name, type);
  }

  private static LogicalType row(LogicalType.Field... fields) {
    return LogicalType.row(List.of(fields));
  }

  /**
   * Checks that {@code actual} is the nexmark shape: the same column and field names, in the same
   * order, with the same types — VARCHAR of any length, TIMESTAMP(3) — and nullable ROW columns
   * (rows of the other kinds of event are null).
   *
   * @throws WeirException naming the first difference and showing the whole expected shape
   */
  static void check(String table, RowType actual) {
    String problem = difference(actual);
    if (problem != null) {
      throw new WeirException("Table '" + table + "' (connector 'nexmark'): " + problem
          + ". A nexmark table's physical columns must be exactly (as in Flink's Nexmark suite): "
          + ddl() + "; computed columns such as `dateTime` and the watermark may follow.");
    }
  }

  private static String difference(RowType actual) {
    if (actual.arity() != TYPE.arity()) {
      return "it has " + actual.arity() + " physical column(s) " + actual.names() + " instead of 4";
    }
    for (int i = 0; i < TYPE.arity(); i++) {
      String name = TYPE.name(i);
      if (!actual.name(i).equals(name)) {
        return "physical column " + (i + 1) + " is `" + actual.name(i) + "` instead of `" + name + "`";
      }
      LogicalType want = TYPE.type(i);
      LogicalType got = actual.type(i);
      if (want.root() == TypeRoot.ROW) {
        if (!got.nullable()) {
          return "column `" + name + "` is NOT NULL, but it is null for the other kinds of event";
        }
        String nested = rowDifference(name, want, got);
        if (nested != null) {
          return nested;
        }
      } else if (!matches(want, got)) {
        return "column `" + name + "` has type " + got.asSummaryString() + " instead of "
            + want.asSummaryString();
      }
    }
    return null;
  }

  private static String rowDifference(String column, LogicalType want, LogicalType got) {
    if (got.root() != TypeRoot.ROW) {
      return "column `" + column + "` has type " + got.asSummaryString() + " instead of a ROW";
    }
    List<LogicalType.Field> wanted = want.children();
    List<LogicalType.Field> found = got.children();
    for (int f = 0; f < wanted.size(); f++) {
      LogicalType.Field w = wanted.get(f);
      if (f >= found.size()) {
        return "column `" + column + "` lacks the field `" + w.name() + "`";
      }
      LogicalType.Field g = found.get(f);
      if (!g.name().equals(w.name())) {
        return "field " + (f + 1) + " of column `" + column + "` is `" + g.name() + "` instead of `"
            + w.name() + "`";
      }
      if (!matches(w.type(), g.type())) {
        return "field `" + column + "`.`" + w.name() + "` has type " + g.type().asSummaryString()
            + " instead of " + w.type().asSummaryString();
      }
    }
    if (found.size() > wanted.size()) {
      return "column `" + column + "` has the extra field `" + found.get(wanted.size()).name() + "`";
    }
    return null;
  }

  private static boolean matches(LogicalType want, LogicalType got) {
    if (want.root() != got.root()) {
      return false;
    }
    return switch (want.root()) {
      case VARCHAR -> true;
      case TIMESTAMP -> got.precision() == want.precision();
      default -> true;
    };
  }

  /** The expected columns as DDL, for messages. */
  static String ddl() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < TYPE.arity(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(TYPE.name(i)).append(' ').append(ddl(TYPE.type(i)));
    }
    return sb.toString();
  }

  private static String ddl(LogicalType type) {
    return switch (type.root()) {
      case VARCHAR -> "VARCHAR";
      case ROW -> {
        StringBuilder sb = new StringBuilder("ROW<");
        for (int f = 0; f < type.children().size(); f++) {
          LogicalType.Field field = type.children().get(f);
          sb.append(f > 0 ? ", " : "").append(field.name().equals("dateTime") ? "`dateTime`" : field.name())
              .append(' ').append(ddl(field.type()));
        }
        yield sb.append('>').toString();
      }
      default -> type.asSummaryString();
    };
  }
}
