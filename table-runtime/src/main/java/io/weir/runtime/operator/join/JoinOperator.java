package io.weir.runtime.operator.join;

import static java.util.Objects.requireNonNull;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.JoinSpec;
import io.weir.common.plan.JoinType;
import io.weir.common.types.RowType;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.state.KeyedStateBackend;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A regular join of two changelogs ({@link JoinSpec}): every row of one side joins every stored
 * row of the other side with an equal join key that satisfies the condition. Input 0 is the left
 * side, input 1 the right.
 *
 * <p><b>State</b>, per join key and side: a map state ({@code join-left-rows}, {@code
 * join-right-rows}) of the side's live rows. With a known unique key it maps unique key → {@link
 * JoinRecord} holding the row, so a {@code -U}/{@code -D} finds its row directly; without one it
 * maps row → record holding the row's occurrence count (duplicates are one entry). Records of a
 * side whose unmatched rows are emitted — the preserved side of an outer join, the left of SEMI
 * and ANTI — also hold how many rows of the other side match them, as Flink does, so a new match
 * or a lost one costs no scan of this side. With state TTL: the time of the last write per record,
 * one pending processing-time cleanup timer per (key, side) ({@code join-ttl}, namespace = side)
 * and its time ({@code join-left-ttl}, {@code join-right-ttl}).
 *
 * <p><b>Output</b> (left fields then right fields; left fields only for SEMI/ANTI):
 *
 * <ul>
 *   <li>INNER forwards the input's kind, as Flink does: a {@code +I}/{@code +U} row emits each
 *       joined row as {@code +I}/{@code +U}, a {@code -U}/{@code -D} row retracts each with {@code
 *       -U}/{@code -D}. An update pair thus stays an update pair on every joined row ({@code -U}s
 *       then {@code +U}s), never mixed with {@code -D}/{@code +I}.
 *   <li>Outer joins emit only {@code +I} and {@code -D}: a joined or padded row appears or goes
 *       away, because an input update may turn a padded row into joined ones and back, which is no
 *       one-to-one update. A preserved row without a match emits its NULL-padded row ({@code +I});
 *       when its first match arrives the padded row is retracted ({@code -D}) before the joined row
 *       is emitted; when its last match goes the joined row is retracted and the padded row
 *       re-emitted ({@code +I}).
 *   <li>SEMI/ANTI emit left rows. A left row's own change is forwarded with its kind when it has a
 *       match (SEMI) or none (ANTI). A right row's change emits {@code +I}/{@code -D} of the left
 *       rows whose match count it moves between 0 and 1 (Flink forwards the right row's kind for
 *       SEMI; a {@code +U} of a left row never emitted before would be a lie, so Weir does not).
 * </ul>
 *
 * <p>A row with a NULL in its join key matches nothing (SQL's {@code =}) and is not stored: a
 * preserved side emits its padded row at once ({@code +I}, or {@code -D} for a retraction), an
 * ANTI left row is forwarded, anything else is dropped.
 *
 * <p>A row accumulated for a unique key that is already stored — an input that upserts without
 * {@code -U} — first retracts the stored row ({@code -D}, or {@code -U} when the new row is a
 * {@code +U}), so the output stays correct as far as this operator can see: an upsert that also
 * changes the join key has its old row under another key, maybe on another task, so an input
 * whose unique key does not contain the join key must send {@code -U}. A retraction with a unique
 * key retracts the row as stored. A retraction of a row that is not in state (expired by TTL)
 * still retracts its joined rows with the other side's rows still stored, as in Flink: they were
 * emitted while it lived.
 *
 * <p><b>State TTL</b> ({@code stateTtlMillis > 0}): a stored row not written for that long
 * (processing time; inserting, a duplicate, a match count change are writes) is dropped without
 * output. Due cleanups run before each input row, so an expired row is never joined. As Flink
 * documents for {@code table.exec.state.ttl}, results are then correct only if no row changes
 * after its partners expired: a new row never meets an expired one; a preserved row whose match
 * expired keeps counting it, so it is not padded again when its other matches go; and a
 * retraction whose partners all expired retracts its padded row instead of its joined rows.
 */
public final class JoinOperator implements StreamOperator {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;
  private static final String[] ROWS_STATE = {"join-left-rows", "join-right-rows"};
  private static final String[] TTL_STATE = {"join-left-ttl", "join-right-ttl"};

  private final JoinSpec spec;
  private final JoinType type;
  private final boolean inner;
  private final boolean semiAnti;
  private final long ttl;
  private final KeySelector[] keys = new KeySelector[2];
  /** Per side: the unique-key projection, or null when no unique key is known. */
  private final KeySelector[] uniqueKeys = new KeySelector[2];
  /** Per side: the unique key is the join key, so the key row serves as the unique-key row too. */
  private final boolean[] uniqueKeyIsJoinKey = new boolean[2];
  /** Per side: unmatched rows are emitted NULL-padded (the preserved side of an outer join). */
  private final boolean[] padded = new boolean[2];
  /** Per side: records keep their match count (padded sides and the left of SEMI/ANTI). */
  private final boolean[] tracksMatches = new boolean[2];

  private OperatorContext context;
  private JoinedRows joined;
  private final List<MapState<Row, Row, JoinRecord>> sides = new ArrayList<>(2);
  private final List<ValueState<Row, Long>> pendingCleanup = new ArrayList<>(2);
  private TimerService<Row, Integer> cleanupTimers;
  private final TimerCallback<Row, Integer> expire = this::expire;
  /** The processing time of the call in progress, with TTL (0 without): not state, reset per call. */
  private long now;

  public JoinOperator(JoinSpec spec) {
    this.spec = requireNonNull(spec, "spec");
    this.type = spec.joinType();
    JoinedRows.checkKeys("Join", spec.leftKeys(), spec.rightKeys(), spec.leftType(), spec.rightType());
    JoinedRows.checkOutputArity("Join", type.emitsRight(), spec.leftType(), spec.rightType(), spec.outputType());
    if (spec.stateTtlMillis() < 0) {
      throw new IllegalArgumentException("stateTtlMillis must be >= 0 but was " + spec.stateTtlMillis());
    }
    this.inner = type == JoinType.INNER;
    this.semiAnti = !type.emitsRight();
    this.ttl = spec.stateTtlMillis();
    keys[LEFT] = new KeySelector(spec.leftKeys(), spec.leftType());
    keys[RIGHT] = new KeySelector(spec.rightKeys(), spec.rightType());
    initUniqueKey(LEFT, spec.leftUniqueKey(), spec.leftKeys(), spec.leftType());
    initUniqueKey(RIGHT, spec.rightUniqueKey(), spec.rightKeys(), spec.rightType());
    padded[LEFT] = type.padsLeft();
    padded[RIGHT] = type.padsRight();
    tracksMatches[LEFT] = padded[LEFT] || semiAnti;
    tracksMatches[RIGHT] = padded[RIGHT];
  }

  private void initUniqueKey(int side, List<Integer> uniqueKey, List<Integer> joinKey, RowType type) {
    if (!uniqueKey.isEmpty()) {
      uniqueKeys[side] = new KeySelector(uniqueKey, type);
      uniqueKeyIsJoinKey[side] = uniqueKey.equals(joinKey);
    }
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.joined = new JoinedRows(spec.leftType(), spec.rightType(), spec.condition(), context);
    // Both sides' keys have the left key types (the planner casts), so one backend serves both.
    KeyedStateBackend<Row> backend = context.keyedState(keys[LEFT].keyType());
    RowType[] types = {spec.leftType(), spec.rightType()};
    for (int side = LEFT; side <= RIGHT; side++) {
      RowSerializer rows = new RowSerializer(types[side]);
      TypeSerializer<Row> userKeys = uniqueKeys[side] == null ? rows : new RowSerializer(uniqueKeys[side].keyType());
      sides.add(backend.mapState(new MapStateDescriptor<>(ROWS_STATE[side], userKeys, new JoinRecord.Serializer(rows))));
      if (ttl > 0) {
        pendingCleanup.add(backend.valueState(new ValueStateDescriptor<>(TTL_STATE[side], Serializers.LONG)));
      }
    }
    if (ttl > 0) {
      cleanupTimers = backend.timerService("join-ttl", Serializers.INT);
    }
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (ttl > 0) {
      now = context.currentProcessingTime();
      // Expire first: like Flink's TTL state (NeverReturnExpired), an expired row is never joined,
      // however late the task's clock tick runs.
      cleanupTimers.advanceProcessingTime(now, expire);
    }
    RowKind kind = row.kind();
    Row key = keys[input].keyOf(row);
    // Stored and emitted rows are inserts; emitted ones get their kind from withKind (no copy).
    Row value = row.withKind(RowKind.INSERT);
    if (JoinedRows.hasNull(key)) {
      nullKey(input, value, kind, out);
      return;
    }
    if (kind.isAccumulate()) {
      Row userKey = userKey(input, key, value);
      if (uniqueKeys[input] != null) {
        JoinRecord old = sides.get(input).get(key, userKey);
        if (old != null) {
          // An upsert without its -U (or a duplicate +I): take the old row out first.
          sides.get(input).remove(key, userKey);
          retract(input, key, old.row, old, kind == RowKind.UPDATE_AFTER ? RowKind.UPDATE_BEFORE : RowKind.DELETE, out);
        }
      }
      long matches = accumulate(input, key, value, kind, out);
      store(input, key, userKey, value, matches);
    } else {
      JoinRecord own = removeOwn(input, key, value);
      // With a unique key, retract the row as stored: it is what the emitted joined rows were built
      // from, even if the retraction carries other values (say an upsert source's bare-key delete).
      retract(input, key, own != null && own.row != null ? own.row : value, own, kind, out);
    }
  }

  /** A row whose join key has a NULL: it can match nothing, so nothing is stored. */
  private void nullKey(int side, Row value, RowKind kind, Output out) {
    if (semiAnti) {
      if (side == LEFT && type == JoinType.ANTI) {
        out.emit(value.withKind(kind));
      }
    } else if (padded[side]) {
      out.emit(padded(side, value).withKind(kind.isAccumulate() ? RowKind.INSERT : RowKind.DELETE));
    }
  }

  /**
   * Joins a new row of {@code side} with the other side's rows, emits what that adds, and returns
   * how many rows of the other side it matches (counting duplicates).
   */
  private long accumulate(int side, Row key, Row value, RowKind kind, Output out) {
    int other = 1 - side;
    long matches = 0;
    List<Map.Entry<Row, JoinRecord>> changed = null;
    for (Map.Entry<Row, JoinRecord> e : sides.get(other).entries(key)) {
      JoinRecord rec = e.getValue();
      Row otherRow = rec.rowOr(e.getKey());
      Row result = pair(side, value, otherRow);
      if (result == null) {
        continue;
      }
      matches += rec.count;
      if (tracksMatches[other]) {
        if (rec.matches == 0) {
          // 0 → 1: the other row's padded row (or SEMI/ANTI result) changes before the joined row is emitted.
          emit(out, semiAnti ? otherRow.withKind(type == JoinType.SEMI ? RowKind.INSERT : RowKind.DELETE)
              : padded(other, otherRow).withKind(RowKind.DELETE), rec.count);
        }
        rec.matches++;
        rec.lastAccess = now;
        changed = changed(changed, e);
      }
      if (!semiAnti) {
        emit(out, inner ? result.withKind(kind) : result, rec.count);
      }
    }
    putBack(other, key, changed);
    if (semiAnti) {
      if (side == LEFT && (type == JoinType.SEMI) == (matches > 0)) {
        out.emit(value.withKind(kind));
      }
    } else if (padded[side] && matches == 0) {
      out.emit(padded(side, value));
    }
    return matches;
  }

  /**
   * Retracts a row of {@code side} that was removed from state ({@code own}, null if it was not
   * there): emits the retraction of everything it had produced.
   */
  private void retract(int side, Row key, Row value, JoinRecord own, RowKind kind, Output out) {
    int other = 1 - side;
    if (semiAnti && side == LEFT) {
      long matches = own != null ? own.matches : countMatches(key, value);
      if ((type == JoinType.SEMI) == (matches > 0)) {
        out.emit(value.withKind(kind));
      }
      return;
    }
    long matches = 0;
    List<Map.Entry<Row, JoinRecord>> changed = null;
    for (Map.Entry<Row, JoinRecord> e : sides.get(other).entries(key)) {
      JoinRecord rec = e.getValue();
      Row otherRow = rec.rowOr(e.getKey());
      Row result = pair(side, value, otherRow);
      if (result == null) {
        continue;
      }
      matches += rec.count;
      if (!semiAnti) {
        emit(out, result.withKind(inner ? kind : RowKind.DELETE), rec.count);
      }
      // A count already 0 can only be one TTL left stale (see the class comment); it stays 0.
      if (tracksMatches[other] && rec.matches > 0) {
        rec.matches--;
        rec.lastAccess = now;
        changed = changed(changed, e);
        if (rec.matches == 0) {
          // 1 → 0, after the joined row was retracted: the other row stands alone again.
          emit(out, semiAnti ? otherRow.withKind(type == JoinType.SEMI ? RowKind.DELETE : RowKind.INSERT)
              : padded(other, otherRow), rec.count);
        }
      }
    }
    putBack(other, key, changed);
    if (padded[side] && matches == 0) {
      out.emit(padded(side, value).withKind(RowKind.DELETE));
    }
  }

  /**
   * The joined row of a row of {@code side} and a row of the other side if they match, else null.
   * For SEMI/ANTI, which emit no joined rows, any non-null row stands for a match.
   */
  private Row pair(int side, Row value, Row otherRow) {
    Row left = side == LEFT ? value : otherRow;
    Row right = side == LEFT ? otherRow : value;
    if (semiAnti) {
      return joined.matches(left, right) ? left : null;
    }
    return joined.joinIfMatches(left, right);
  }

  private long countMatches(Row key, Row left) {
    long matches = 0;
    for (Map.Entry<Row, JoinRecord> e : sides.get(RIGHT).entries(key)) {
      if (joined.matches(left, e.getValue().rowOr(e.getKey()))) {
        matches += e.getValue().count;
      }
    }
    return matches;
  }

  private Row userKey(int side, Row key, Row value) {
    if (uniqueKeys[side] == null) {
      return value;
    }
    return uniqueKeyIsJoinKey[side] ? key : uniqueKeys[side].keyOf(value);
  }

  private void store(int side, Row key, Row userKey, Row value, long matches) {
    long m = tracksMatches[side] ? matches : 0;
    MapState<Row, Row, JoinRecord> rows = sides.get(side);
    if (uniqueKeys[side] != null) {
      rows.put(key, userKey, new JoinRecord(value, 1, m, now));
    } else {
      JoinRecord rec = rows.get(key, value);
      if (rec == null) {
        rec = new JoinRecord(null, 1, m, now);
      } else {
        rec.count++;
        rec.matches = m; // equal rows match the same rows; this count is the fresher one
        rec.lastAccess = now;
      }
      rows.put(key, value, rec);
    }
    if (ttl > 0) {
      scheduleCleanup(side, key);
    }
  }

  /** Removes one occurrence of a retracted row from its side's state; returns its record or null. */
  private JoinRecord removeOwn(int side, Row key, Row value) {
    MapState<Row, Row, JoinRecord> rows = sides.get(side);
    Row userKey = userKey(side, key, value);
    JoinRecord rec = rows.get(key, userKey);
    if (rec == null) {
      return null;
    }
    if (rec.count > 1) {
      rec.count--;
      rec.lastAccess = now;
      rows.put(key, userKey, rec);
    } else {
      rows.remove(key, userKey);
    }
    return rec;
  }

  private Row padded(int side, Row row) {
    return side == LEFT ? joined.leftWithNulls(row) : joined.nullsWithRight(row);
  }

  private static void emit(Output out, Row row, int times) {
    for (int i = 0; i < times; i++) {
      out.emit(row);
    }
  }

  /** Collects records changed while iterating: the map must not be written until the loop ends. */
  private static List<Map.Entry<Row, JoinRecord>> changed(List<Map.Entry<Row, JoinRecord>> changed,
      Map.Entry<Row, JoinRecord> e) {
    if (changed == null) {
      changed = new ArrayList<>(4);
    }
    changed.add(Map.entry(e.getKey(), e.getValue()));
    return changed;
  }

  private void putBack(int side, Row key, List<Map.Entry<Row, JoinRecord>> changed) {
    if (changed != null) {
      MapState<Row, Row, JoinRecord> rows = sides.get(side);
      for (Map.Entry<Row, JoinRecord> e : changed) {
        rows.put(key, e.getKey(), e.getValue());
      }
    }
  }

  // ---- state TTL ----

  /**
   * Makes sure a cleanup timer is pending for (key, side). One per (key, side) at a time, not one
   * per row: when it fires it drops what expired and re-arms itself for the earliest remaining
   * expiry, so a stored row always has a timer at or before its expiry.
   */
  private void scheduleCleanup(int side, Row key) {
    ValueState<Row, Long> pending = pendingCleanup.get(side);
    if (pending.get(key) == null) {
      long at = now + ttl;
      cleanupTimers.registerProcessingTimeTimer(key, side, at);
      pending.put(key, at);
    }
  }

  private void expire(Row key, int side, long timestamp) {
    ValueState<Row, Long> pending = pendingCleanup.get(side);
    pending.clear(key);
    long clock = cleanupTimers.currentProcessingTime();
    MapState<Row, Row, JoinRecord> rows = sides.get(side);
    List<Row> expired = null;
    long next = Long.MAX_VALUE;
    for (Map.Entry<Row, JoinRecord> e : rows.entries(key)) {
      long due = e.getValue().lastAccess + ttl;
      if (due <= clock) {
        if (expired == null) {
          expired = new ArrayList<>();
        }
        expired.add(e.getKey());
      } else {
        next = Math.min(next, due);
      }
    }
    if (expired != null) {
      for (Row userKey : expired) {
        rows.remove(key, userKey);
      }
    }
    if (next != Long.MAX_VALUE) {
      cleanupTimers.registerProcessingTimeTimer(key, side, next);
      pending.put(key, next);
    }
  }

  @Override
  public void onProcessingTime(long time, Output out) {
    if (ttl > 0) {
      cleanupTimers.advanceProcessingTime(time, expire);
    }
  }
}
