package io.weir.runtime.operator.join;

import static java.util.Objects.requireNonNull;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.JoinType;
import io.weir.common.plan.TemporalJoinSpec;
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
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.ListSerializer;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event-time temporal join ({@link TemporalJoinSpec}): {@code left JOIN right FOR SYSTEM_TIME
 * AS OF left.time ON keys}. Input 0 is the left (probe) side, insert-only; input 1 the right side,
 * a versioned table's changelog keyed by the join keys. Output is insert-only: each left row once,
 * joined with the version valid at its time, or for LEFT padded with NULLs when none is.
 *
 * <p><b>Versions.</b> A right {@code +I}/{@code +U} is a version valid from its {@code
 * rightTimeField} on; {@code -U} is ignored (the {@code +U} that follows carries the new version);
 * {@code -D} ends the key's validity at its time (a tombstone). A left row at {@code t} sees the
 * latest version or tombstone with time {@code <= t}; a tombstone there means no version. Right
 * rows are never late: a version arriving behind the watermark is valid from its time all the same
 * (left rows behind the watermark are all joined already, so it only matters to later ones). Two
 * versions of one key at the same time: the later arrival wins.
 *
 * <p><b>Left rows</b> wait until the watermark reaches their time: only then is the version valid
 * at that time known (a right row with a time at or before it could still come). A left row at or
 * behind the watermark when it arrives is late — its version may already be dropped — and is
 * dropped and counted ({@link OperatorContext#recordLateRow}). A left row whose key has a NULL
 * matches nothing: INNER drops it, LEFT emits it padded at once.
 *
 * <p><b>State.</b> Per key: map state {@code temporal-join-left} time → the left rows of that time,
 * with a timer per (key, time) in {@code temporal-join-left-timers}; map state {@code
 * temporal-join-versions} time → the version row, or null for a tombstone, with a timer per (key,
 * time) in {@code temporal-join-version-timers}. When the watermark rises, the left timers fire
 * first, in time order, joining their rows; then the version timers fire and drop the key's
 * versions older than its latest one at or behind the watermark (future left rows are ahead of the
 * watermark, so that one is the oldest any can see). A key that gets no more rows therefore keeps
 * only its latest version. A tombstone is kept like a version: it must still hide a version older
 * than it that arrives late (e.g. {@code -D} at 20 pruned at watermark 25, then {@code +I} at 15:
 * a left row at 26 must not see it). A deleted key thus keeps one tombstone.
 *
 * <p><b>Watermark.</b> Forwarded after the rows it releases. Each emitted row has its left row's
 * time, which was ahead of the watermark forwarded before it arrived, so no holding back is needed.
 */
public final class TemporalJoinOperator implements StreamOperator {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;

  private final TemporalJoinSpec spec;
  private final KeySelector leftKeys;
  private final KeySelector rightKeys;
  private final int leftTime;
  private final int rightTime;
  private final boolean padsLeft;

  private OperatorContext context;
  private JoinedRows joined;
  private MapState<Row, Long, List<Row>> leftRows;
  private TimerService<Row, VoidNamespace> leftTimers;
  /** Version rows by time; a null value is a tombstone. */
  private MapState<Row, Long, Row> versions;
  private TimerService<Row, VoidNamespace> versionTimers;
  /** Where timer callbacks emit and the watermark they act on; set before each advance (not state). */
  private Output output;
  private long watermark = Long.MIN_VALUE;
  private final TimerCallback<Row, VoidNamespace> fireLeft = (key, ns, ts) -> joinWaiting(key, ts);
  private final TimerCallback<Row, VoidNamespace> pruneVersions = (key, ns, ts) -> prune(key, watermark);

  public TemporalJoinOperator(TemporalJoinSpec spec) {
    this.spec = requireNonNull(spec, "spec");
    JoinedRows.checkKeys("TemporalJoin", spec.leftKeys(), spec.rightKeys(), spec.leftType(), spec.rightType());
    JoinedRows.checkOutputArity("TemporalJoin", true, spec.leftType(), spec.rightType(), spec.outputType());
    if (spec.leftKeys().size() != spec.rightKeys().size() || spec.leftKeys().isEmpty()) {
      throw new IllegalArgumentException("TemporalJoin needs equally many left and right keys, at least one, but got "
          + spec.leftKeys() + " and " + spec.rightKeys());
    }
    checkTimeField("left", spec.leftTimeField(), spec.leftType());
    checkTimeField("right", spec.rightTimeField(), spec.rightType());
    this.leftKeys = new KeySelector(spec.leftKeys(), spec.leftType());
    this.rightKeys = new KeySelector(spec.rightKeys(), spec.rightType());
    this.leftTime = spec.leftTimeField();
    this.rightTime = spec.rightTimeField();
    this.padsLeft = spec.joinType() == JoinType.LEFT;
  }

  private static void checkTimeField(String side, int field, RowType type) {
    if (field < 0 || field >= type.arity()) {
      throw new IllegalArgumentException("TemporalJoin " + side + " time field " + field + " is not a column of " + type);
    }
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.joined = new JoinedRows(spec.leftType(), spec.rightType(), spec.condition(), context);
    KeyedStateBackend<Row> backend = context.keyedState(leftKeys.keyType());
    leftRows = backend.mapState(new MapStateDescriptor<>("temporal-join-left", Serializers.LONG,
        new ListSerializer<>(new RowSerializer(spec.leftType()))));
    leftTimers = backend.timerService("temporal-join-left-timers");
    versions = backend.mapState(new MapStateDescriptor<>("temporal-join-versions", Serializers.LONG,
        new VersionSerializer(new RowSerializer(spec.rightType()))));
    versionTimers = backend.timerService("temporal-join-version-timers");
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (input == LEFT) {
      processLeft(row, out);
    } else {
      processRight(row);
    }
  }

  private void processLeft(Row row, Output out) {
    if (!row.kind().isAccumulate()) {
      throw new IllegalStateException("TemporalJoin takes an insert-only left input but got " + row);
    }
    long time = timeOf(row, leftTime, spec.leftType());
    if (time <= leftTimers.currentWatermark()) {
      context.recordLateRow();
      return;
    }
    Row value = row.withKind(RowKind.INSERT);
    Row key = leftKeys.keyOf(row);
    if (JoinedRows.hasNull(key)) {
      if (padsLeft) {
        out.emit(joined.leftWithNulls(value));
      }
      return;
    }
    List<Row> atTime = leftRows.get(key, time);
    if (atTime == null) {
      atTime = new ArrayList<>(2);
    }
    // Changed in place and put back: the heap backend hands out its own list, a binary one a copy.
    atTime.add(value);
    leftRows.put(key, time, atTime);
    leftTimers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, time);
  }

  private void processRight(Row row) {
    if (row.kind() == RowKind.UPDATE_BEFORE) {
      return; // the +U that follows carries the new version from its own time
    }
    Row key = rightKeys.keyOf(row);
    if (JoinedRows.hasNull(key)) {
      return; // no left row can equal it
    }
    long time = timeOf(row, rightTime, spec.rightType());
    versions.put(key, time, row.kind() == RowKind.DELETE ? null : row.withKind(RowKind.INSERT));
    // Due at once when behind the watermark: the next advance then drops what it made obsolete.
    versionTimers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, time);
  }

  private static long timeOf(Row row, int field, RowType type) {
    Object t = row.field(field);
    if (t == null) {
      throw new IllegalArgumentException("The event-time field " + type.name(field) + " of " + row
          + " is null; a temporal join needs a time for every row (filter or COALESCE the nulls)");
    }
    return ((Number) t).longValue();
  }

  /** Joins the left rows of {@code key} at {@code time} with the version valid then, and frees them. */
  private void joinWaiting(Row key, long time) {
    List<Row> atTime = leftRows.get(key, time);
    if (atTime == null) {
      return;
    }
    leftRows.remove(key, time);
    Row version = validAt(key, time);
    for (Row left : atTime) {
      Row result = version == null ? null : joined.joinIfMatches(left, version);
      if (result != null) {
        output.emit(result);
      } else if (padsLeft) {
        output.emit(joined.leftWithNulls(left));
      }
    }
  }

  /** The version of {@code key} valid at {@code time}, or null if there is none or it was deleted. */
  private Row validAt(Row key, long time) {
    long best = Long.MIN_VALUE;
    boolean found = false;
    Row version = null;
    // Map state has no ordered range scan; a key holds few versions, as pruning keeps one behind the watermark.
    for (Map.Entry<Long, Row> e : versions.entries(key)) {
      long t = e.getKey();
      if (t <= time && (!found || t > best)) {
        found = true;
        best = t;
        version = e.getValue();
      }
    }
    return version;
  }

  /**
   * Drops the versions of {@code key} older than its latest one at or behind {@code watermark}: no
   * future left row (all ahead of the watermark) can see them. E.g. versions at 10, 20, 30 and
   * watermark 25 keep 20 and 30.
   */
  private void prune(Row key, long watermark) {
    long latest = Long.MIN_VALUE;
    boolean found = false;
    for (Map.Entry<Long, Row> e : versions.entries(key)) {
      long t = e.getKey();
      if (t <= watermark && (!found || t > latest)) {
        found = true;
        latest = t;
      }
    }
    if (!found) {
      return;
    }
    List<Long> obsolete = new ArrayList<>();
    for (Long t : versions.keys(key)) {
      if (t < latest) {
        obsolete.add(t); // collected first: the view is live
      }
    }
    for (Long t : obsolete) {
      versions.remove(key, t);
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    output = out;
    this.watermark = watermark;
    // Left rows first: pruning at this watermark would drop versions that rows behind it still need.
    leftTimers.advanceWatermark(watermark, fireLeft);
    versionTimers.advanceWatermark(watermark, pruneVersions);
    out.emitWatermark(watermark);
  }

  /** A version row, or null for a tombstone: {@code present:bool [row]}. */
  private static final class VersionSerializer implements TypeSerializer<Row> {
    private final RowSerializer rows;
    private final String signature;

    VersionSerializer(RowSerializer rows) {
      this.rows = rows;
      this.signature = "TEMPORAL_VERSION<" + rows.signature() + ">";
    }

    @Override
    public void serialize(Row value, DataOutput out) throws IOException {
      out.writeBoolean(value != null);
      if (value != null) {
        rows.serialize(value, out);
      }
    }

    @Override
    public Row deserialize(DataInput in) throws IOException {
      return in.readBoolean() ? rows.deserialize(in) : null;
    }

    @Override
    public String signature() {
      return signature;
    }
  }
}
