package io.weir.state.rocksdb;

import static io.weir.state.internal.StateSignatures.list;
import static io.weir.state.internal.StateSignatures.map;
import static io.weir.state.internal.StateSignatures.namespaced;
import static io.weir.state.internal.StateSignatures.timers;
import static io.weir.state.internal.StateSignatures.value;
import static java.util.Objects.requireNonNull;

import io.weir.common.config.Configuration;
import io.weir.state.BackendEnvironment;
import io.weir.state.AsyncKeyedSnapshot;
import io.weir.state.IncrementalSnapshots;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroupSnapshotReader;
import io.weir.state.KeyGroupSnapshotWriter;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListState;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.NamespacedListState;
import io.weir.state.NamespacedMapState;
import io.weir.state.NamespacedValueState;
import io.weir.state.NativeSnapshot;
import io.weir.state.NativeSnapshotHandle;
import io.weir.state.StateOptions;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.internal.ByteArrayDataOutput;
import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.internal.KeyGroupStreamFormat;
import io.weir.state.internal.KeyGroupStreamFormat.Block;
import io.weir.state.internal.StateKind;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in an embedded RocksDB: binary, on local disk, so state may be far larger than the
 * heap. The same API and semantics as the heap backend; one RocksDB instance per backend (per
 * operator instance) in a working directory of its own, deleted on close.
 *
 * <p><b>Key layout</b> ({@link KeyLayout}): every key starts with {@code keyGroup:2 | stateId:1},
 * then the serialized key and namespace (and a map's user key). Key group first makes each key
 * group one contiguous key range, so a snapshot is written key group by key group with a prefix
 * scan, and a rescale copies the ranges of the new task's key groups out of the old tasks' DBs —
 * a re-assignment of ranges, never a re-hash. A one-byte state id (names are mapped to ids in
 * metadata kept in the DB itself) keeps keys short; a key's entries of one state are adjacent, so
 * per-key iteration (a map's entries) is a prefix scan too. Timers sort by timestamp inside their
 * key group, with an in-memory cache of each key group's earliest timer.
 *
 * <p><b>Snapshots.</b> {@link #snapshot} writes the backend-independent format of {@link
 * KeyGroupStreamFormat} from a consistent RocksDB snapshot — the same bytes the heap backend
 * writes, so savepoints move between backends. {@link #snapshotNative} takes an incremental
 * native checkpoint instead: RocksDB's SST files are immutable, so a checkpoint shares every SST
 * file it has in common with the previous one and uploads only the new ones.
 *
 * <p>Writes go without RocksDB's write-ahead log: the local DB is never recovered after a crash;
 * recovery restores a checkpoint. One task thread only; see {@link KeyedStateBackend}.
 */
public final class RocksDBKeyedStateBackend<K>
    implements KeyedStateBackend<K>, IncrementalSnapshots {
  static {
    RocksDB.loadLibrary();
  }

  private final TypeSerializer<K> keySerializer;
  private final int maxParallelism;
  private final KeyGroupRange keyGroupRange;
  final KeyGroupIndexer indexer;
  private final String instanceId = UUID.randomUUID().toString().replace("-", "");
  private final Path workDir;
  /** The lock on {@link #workDir} that tells other processes it is in use. */
  private final WorkDirs.Held heldDir;
  private final Path dbDir;

  private final SharedBlockCache blockCache;
  private final BloomFilter bloomFilter;
  private final StringAppendOperator appendOperator;
  private final Options options;
  private final ReadOptions readOptions;
  private final WriteOptions writeOptions;
  private RocksDB db;
  final RocksStore store;

  /** Buffers shared by all states; see {@link AbstractRocksState}. */
  final ByteArrayDataOutput keys = new ByteArrayDataOutput(128);
  final ByteArrayDataOutput values = new ByteArrayDataOutput(256);
  final ByteArrayDataInput in = new ByteArrayDataInput();

  private final StateRegistry registry = new StateRegistry();
  /** The states declared in this run, by name, in declaration order. */
  private final Map<String, AbstractRocksState<K, ?>> declared = new LinkedHashMap<>();
  /** Orders map entries and timers of equal timestamps; see {@link #nextSequence}. */
  private long nextSequence;
  /** SST files restored by {@link #restoreNative}, by local name → their shared path. */
  private Map<String, String> restoredSharedFiles = Map.of();
  private volatile boolean closed;
  /** Set by {@link #close()} so a snapshot being written elsewhere stops at the next key group. */
  private volatile boolean closing;
  /** Held (shared) by snapshot writers while they read RocksDB; {@link #close()} takes it exclusively. */
  private final java.util.concurrent.locks.ReentrantReadWriteLock snapshotReaders =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  /**
   * Opens an empty RocksDB in a new directory under {@code state.backend.rocksdb.localdir} if set,
   * else under {@code env.localDir()}.
   */
  public RocksDBKeyedStateBackend(
      TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
      BackendEnvironment env) {
    this.keySerializer = requireNonNull(keySerializer, "keySerializer");
    this.keyGroupRange = requireNonNull(keyGroupRange, "keyGroupRange");
    requireNonNull(env, "env");
    this.indexer = new KeyGroupIndexer(maxParallelism, keyGroupRange);
    this.maxParallelism = maxParallelism;
    Configuration config = env.config();
    long cacheSize = config.get(StateOptions.ROCKSDB_BLOCK_CACHE_SIZE);
    long writeBufferSize = config.get(StateOptions.ROCKSDB_WRITE_BUFFER_SIZE);
    if (writeBufferSize <= 0) {
      throw new IllegalArgumentException(
          "'" + StateOptions.ROCKSDB_WRITE_BUFFER_SIZE.key() + "' must be positive but was "
              + writeBufferSize + " bytes");
    }
    String localDir = config.get(StateOptions.ROCKSDB_LOCAL_DIR);
    Path base = localDir == null || localDir.isBlank() ? env.localDir() : Path.of(localDir);
    try {
      this.heldDir = WorkDirs.create(base, instanceId);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("Cannot create RocksDB's working directory under " + base
          + ": " + e.getMessage(), e));
    }
    this.workDir = heldDir.dir;
    this.dbDir = workDir.resolve("db");

    this.blockCache = SharedBlockCache.acquire(cacheSize);
    this.bloomFilter = new BloomFilter(10, false);
    this.appendOperator = new StringAppendOperator("");
    this.options =
        new Options()
            .setCreateIfMissing(true)
            .setMergeOperator(appendOperator)
            .setWriteBufferSize(writeBufferSize)
            .setMaxWriteBufferNumber(config.get(StateOptions.ROCKSDB_WRITE_BUFFER_COUNT))
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
            .setKeepLogFileNum(2)
            .setTableFormatConfig(
                new BlockBasedTableConfig()
                    .setBlockCache(blockCache.cache())
                    .setFilterPolicy(bloomFilter)
                    // Index and filter blocks count against the cache: memory stays bounded.
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinL0FilterAndIndexBlocksInCache(true));
    this.readOptions = new ReadOptions();
    this.writeOptions = new WriteOptions().setDisableWAL(true);
    try {
      Files.createDirectories(dbDir);
      this.db = RocksDB.open(options, dbDir.toString());
    } catch (IOException | RocksDBException e) {
      closeNative();
      deleteWorkDir();
      throw new UncheckedIOException(
          new IOException("Cannot open RocksDB in " + dbDir + ": " + e.getMessage(), e));
    }
    this.store = new RocksStore(db, readOptions, writeOptions);
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public TypeSerializer<K> keySerializer() {
    return keySerializer;
  }

  /** The directory this backend owns (deleted on close); for tests and diagnostics. */
  public Path workingDirectory() {
    return workDir;
  }

  /** The next sequence number: orders map entries by insertion and equal timers by registration. */
  long nextSequence() {
    return nextSequence++;
  }

  /** Makes sure sequence numbers from now on are at least {@code atLeast}. */
  void advanceSequence(long atLeast) {
    nextSequence = Math.max(nextSequence, atLeast);
  }

  @Override
  public <V> ValueState<K, V> valueState(ValueStateDescriptor<V> d) {
    String signature = value(d.serializer());
    return declare(d.name(), StateKind.VALUE, signature,
        e -> new RocksValueState<K, Object, V>(this, e, null, d.serializer()));
  }

  @Override
  public <N, V> NamespacedValueState<K, N, V> valueState(
      ValueStateDescriptor<V> d, TypeSerializer<N> namespaceSerializer) {
    String signature = namespaced(value(d.serializer()), namespaceSerializer);
    return declare(d.name(), StateKind.VALUE, signature,
        e -> new RocksValueState<>(this, e, namespaceSerializer, d.serializer()));
  }

  @Override
  public <UK, UV> MapState<K, UK, UV> mapState(MapStateDescriptor<UK, UV> d) {
    String signature = map(d);
    return declare(d.name(), StateKind.MAP, signature,
        e -> new RocksMapState<K, Object, UK, UV>(
            this, e, null, d.userKeySerializer(), d.valueSerializer()));
  }

  @Override
  public <N, UK, UV> NamespacedMapState<K, N, UK, UV> mapState(
      MapStateDescriptor<UK, UV> d, TypeSerializer<N> namespaceSerializer) {
    String signature = namespaced(map(d), namespaceSerializer);
    return declare(d.name(), StateKind.MAP, signature,
        e -> new RocksMapState<>(
            this, e, namespaceSerializer, d.userKeySerializer(), d.valueSerializer()));
  }

  @Override
  public <V> ListState<K, V> listState(ListStateDescriptor<V> d) {
    String signature = list(d.elementSerializer());
    return declare(d.name(), StateKind.LIST, signature,
        e -> new RocksListState<K, Object, V>(this, e, null, d.elementSerializer()));
  }

  @Override
  public <N, V> NamespacedListState<K, N, V> listState(
      ListStateDescriptor<V> d, TypeSerializer<N> namespaceSerializer) {
    String signature = namespaced(list(d.elementSerializer()), namespaceSerializer);
    return declare(d.name(), StateKind.LIST, signature,
        e -> new RocksListState<>(this, e, namespaceSerializer, d.elementSerializer()));
  }

  @Override
  public <N> TimerService<K, N> timerService(String name, TypeSerializer<N> namespaceSerializer) {
    String signature = timers(name, namespaceSerializer);
    return declare(name, StateKind.TIMERS, signature,
        e -> new RocksTimerService<>(this, e, namespaceSerializer));
  }

  /**
   * Declares a state: the same object again for the same name, kind and signature; {@link
   * IllegalStateException} for another; {@link io.weir.state.IncompatibleStateException} when
   * restored data of that name has another kind or signature. Restored snapshot blocks waiting
   * for this name are decoded now.
   */
  @SuppressWarnings("unchecked")
  private <S> S declare(
      String name, StateKind kind, String signature,
      java.util.function.Function<StateRegistry.Entry, AbstractRocksState<K, ?>> factory) {
    checkOpen();
    AbstractRocksState<K, ?> existing = declared.get(name);
    if (existing != null) {
      if (existing.kind() != kind || !existing.signature().equals(signature)) {
        throw new IllegalStateException(
            "State '" + name + "' is already declared as " + existing.signature()
                + "; it cannot be declared again as " + signature);
      }
      return (S) existing;
    }
    StateRegistry.Entry entry = registry.get(name);
    if (entry != null) {
      KeyGroupStreamFormat.checkFits(name, entry.kind, entry.signature, kind, signature);
    } else {
      entry = registry.register(store, name, kind, signature);
    }
    AbstractRocksState<K, ?> state = factory.apply(entry);
    declared.put(name, state);
    if (entry.pending) {
      decodePending(state);
    }
    return (S) state;
  }

  /** Turns the snapshot blocks kept for a state declared just now into its entries. */
  private void decodePending(AbstractRocksState<K, ?> state) {
    StateRegistry.Entry entry = state.entry;
    try (RocksStore.Batch batch = store.batch()) {
      for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.endInclusive();
          keyGroup++) {
        byte[] pendingKey = KeyLayout.pendingKey(keyGroup, entry.id);
        byte[] block = store.get(pendingKey);
        if (block != null) {
          state.restoreBlock(keyGroup, block, batch);
          batch.flush();
          store.delete(pendingKey);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot restore state '" + entry.name + "': " + e.getMessage(), e);
    }
    entry.pending = false;
    StateRegistry.persist(store, entry);
    state.reload();
  }

  @Override
  public void snapshot(KeyGroupSnapshotWriter writer) throws IOException {
    snapshotAsync().writeTo(writer);
  }

  /**
   * Takes a RocksDB snapshot (a sequence number: instant) and returns a writer that reads the
   * canonical key-group streams from it on any thread, while the task goes on writing. {@link
   * #close()} waits for a writer in progress, so native memory is never read after it is freed.
   */
  @Override
  public AsyncKeyedSnapshot snapshotAsync() throws IOException {
    checkOpen();
    Snapshot snapshot = db.getSnapshot();
    List<StateRegistry.Entry> states = new ArrayList<>(registry.entries());
    boolean[] pending = new boolean[states.size()];
    int[] ids = new int[states.size()];
    for (int i = 0; i < states.size(); i++) {
      pending[i] = states.get(i).pending;
      ids[i] = states.get(i).id;
    }
    RocksDB database = db;
    return writer -> {
      requireNonNull(writer, "writer");
      snapshotReaders.readLock().lock();
      try (ReadOptions atSnapshot = new ReadOptions().setSnapshot(snapshot)) {
        if (closed) {
          throw new IOException("The state backend was closed before its snapshot was written");
        }
        ByteArrayDataOutput buffer = new ByteArrayDataOutput(4096);
        for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.endInclusive();
            keyGroup++) {
          if (closing) {
            throw new IOException("The state backend is closing; its snapshot is abandoned");
          }
          List<StateRegistry.Entry> withData = new ArrayList<>();
          List<byte[]> pendingBlocks = new ArrayList<>();
          for (int i = 0; i < states.size(); i++) {
            StateRegistry.Entry state = states.get(i);
            if (CanonicalBlocks.hasData(database, snapshot, keyGroup, ids[i])) {
              withData.add(state);
              pendingBlocks.add(null);
            } else if (pending[i]) {
              byte[] block = database.get(atSnapshot, KeyLayout.pendingKey(keyGroup, ids[i]));
              if (block != null) {
                withData.add(state);
                pendingBlocks.add(block);
              }
            }
          }
          DataOutputStream out = writer.startKeyGroup(keyGroup);
          KeyGroupStreamFormat.writeHeader(out, keySerializer.signature(), withData.size());
          for (int i = 0; i < withData.size(); i++) {
            StateRegistry.Entry state = withData.get(i);
            byte[] block = pendingBlocks.get(i);
            if (block == null) {
              buffer.reset();
              CanonicalBlocks.write(database, snapshot, keyGroup, state, buffer);
              KeyGroupStreamFormat.writeBlock(
                  out, state.name, state.kind, state.signature, buffer.buffer(), buffer.size());
            } else {
              KeyGroupStreamFormat.writeBlock(
                  out, state.name, state.kind, state.signature, block, block.length);
            }
          }
          out.flush();
        }
      } catch (RocksDBException e) {
        throw new IOException("Cannot read RocksDB for a snapshot: " + e.getMessage(), e);
      } finally {
        if (!closed) {
          database.releaseSnapshot(snapshot);
        }
        snapshotReaders.readLock().unlock();
      }
    };
  }

  @Override
  public void restore(KeyGroupSnapshotReader reader) throws IOException {
    checkOpen();
    requireNonNull(reader, "reader");
    try (RocksStore.Batch batch = store.batch()) {
      for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.endInclusive();
          keyGroup++) {
        if (reader.contains(keyGroup)) {
          try (DataInputStream in = reader.open(keyGroup)) {
            restoreKeyGroup(keyGroup, in, batch);
          }
        }
      }
    }
    declared.values().forEach(AbstractRocksState::reload);
  }

  private void restoreKeyGroup(int keyGroup, DataInputStream in, RocksStore.Batch batch)
      throws IOException {
    int blocks = KeyGroupStreamFormat.readHeader(in, keyGroup, keySerializer.signature());
    for (int b = 0; b < blocks; b++) {
      Block block = KeyGroupStreamFormat.readBlock(in);
      AbstractRocksState<K, ?> state = declared.get(block.name());
      if (state != null) {
        KeyGroupStreamFormat.checkFits(
            block.name(), block.kind(), block.signature(), state.kind(), state.signature());
        state.restoreBlock(keyGroup, block.bytes(), batch);
      } else {
        StateRegistry.Entry entry = registry.get(block.name());
        if (entry != null) {
          KeyGroupStreamFormat.checkFits(
              block.name(), block.kind(), block.signature(), entry.kind, entry.signature);
        } else {
          entry = registry.register(store, block.name(), block.kind(), block.signature());
        }
        // Not declared yet: kept as the snapshot's bytes until it is (see declare).
        batch.put(KeyLayout.pendingKey(keyGroup, entry.id), block.bytes());
        if (!entry.pending) {
          entry.pending = true;
          StateRegistry.persist(store, entry);
        }
      }
    }
  }

  @Override
  public NativeSnapshot snapshotNative(long checkpointId) throws IOException {
    checkOpen();
    Path dir = workDir.resolve("chk-" + checkpointId);
    if (Files.exists(dir)) {
      throw new IllegalStateException(
          "A native snapshot of checkpoint " + checkpointId + " is already in " + dir);
    }
    persistSequence(store);
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      // Flushes the memtables first (the WAL is off), then hard-links the live files.
      checkpoint.createCheckpoint(dir.toString());
    } catch (RocksDBException e) {
      NativeFiles.deleteTree(dir);
      throw new IOException(
          "Cannot take a native RocksDB checkpoint " + checkpointId + ": " + e.getMessage(), e);
    }
    return new RocksDBNativeSnapshot(dir, instanceId, keyGroupRange, restoredSharedFiles);
  }

  private void persistSequence(RocksStore target) {
    byte[] value = new byte[8];
    for (int i = 0; i < 8; i++) {
      value[i] = (byte) (nextSequence >>> (56 - 8 * i));
    }
    target.put(KeyLayout.metaSequenceKey(), value);
  }

  @Override
  public void restoreNative(Path root, List<NativeSnapshotHandle> handles) throws IOException {
    checkOpen();
    requireNonNull(root, "root");
    requireNonNull(handles, "handles");
    if (hasKeyGroupData()) {
      throw new IllegalStateException(
          "restoreNative must be called before the first row, but this backend already holds "
              + "state");
    }
    List<NativeSnapshotHandle> overlapping = new ArrayList<>();
    for (NativeSnapshotHandle handle : handles) {
      KeyGroupRange r = handle.keyGroupRange();
      if (r.start() <= keyGroupRange.endInclusive() && r.endInclusive() >= keyGroupRange.start()) {
        overlapping.add(handle);
      }
    }
    if (overlapping.size() == 1 && overlapping.get(0).keyGroupRange().equals(keyGroupRange)) {
      restoreDirectly(root, overlapping.get(0));
    } else {
      restoreByCopying(root, overlapping);
    }
    for (AbstractRocksState<K, ?> state : declared.values()) {
      if (state.entry.pending) {
        decodePending(state);
      } else {
        state.reload();
      }
    }
  }

  private boolean hasKeyGroupData() {
    byte[][] first = new byte[1][];
    RocksStore.scan(db, null, new byte[0], new byte[0], (k, v) -> {
      first[0] = k;
      return false;
    });
    return first[0] != null && (first[0].length < 2 || first[0][0] != KeyLayout.META[0]);
  }

  /** Replaces the empty DB by the handle's files and opens it. */
  private void restoreDirectly(Path root, NativeSnapshotHandle handle) throws IOException {
    db.close();
    db = null;
    NativeFiles.deleteTree(dbDir);
    Map<String, String> shared = placeFiles(root, handle, dbDir);
    try {
      db = RocksDB.open(options, dbDir.toString());
    } catch (RocksDBException e) {
      throw new IOException(
          "Cannot open the RocksDB restored from " + handle + ": " + e.getMessage(), e);
    }
    store.db = db;
    restoredSharedFiles = shared;
    // The restored DB's ids win; states declared before the restore adopt them.
    List<StateRegistry.Entry> restoredEntries = StateRegistry.read(db);
    Map<String, StateRegistry.Entry> mine = new HashMap<>();
    for (AbstractRocksState<K, ?> state : declared.values()) {
      mine.put(state.name(), state.entry);
    }
    for (StateRegistry.Entry e : registry.entries()) {
      mine.putIfAbsent(e.name, e);
    }
    registry.clear();
    for (StateRegistry.Entry restored : restoredEntries) {
      StateRegistry.Entry own = mine.remove(restored.name);
      if (own != null) {
        KeyGroupStreamFormat.checkFits(
            restored.name, restored.kind, restored.signature, own.kind, own.signature);
        own.id = restored.id;
        own.pending = restored.pending;
        registry.add(own);
      } else {
        registry.add(restored);
      }
    }
    for (StateRegistry.Entry own : mine.values()) {
      registry.reassign(store, own);
    }
    nextSequence = Math.max(nextSequence, readSequence(db));
  }

  /**
   * Opens each old DB in a temporary directory and copies the key groups of this backend's range,
   * translating state ids through the state names.
   */
  private void restoreByCopying(Path root, List<NativeSnapshotHandle> handles) throws IOException {
    boolean[] covered = new boolean[keyGroupRange.size()];
    for (int h = 0; h < handles.size(); h++) {
      NativeSnapshotHandle handle = handles.get(h);
      Path temp = workDir.resolve("restore-" + h);
      try {
        placeFiles(root, handle, temp);
        try (RocksDB old = RocksDB.openReadOnly(options, temp.toString());
            RocksStore.Batch batch = store.batch()) {
          int[] ids = new int[KeyLayout.MAX_STATE_ID + 1];
          for (StateRegistry.Entry e : StateRegistry.read(old)) {
            StateRegistry.Entry mine = registry.get(e.name);
            if (mine == null) {
              mine = registry.register(store, e.name, e.kind, e.signature);
            } else {
              KeyGroupStreamFormat.checkFits(e.name, e.kind, e.signature, mine.kind, mine.signature);
            }
            ids[e.id] = mine.id;
          }
          nextSequence = Math.max(nextSequence, readSequence(old));
          int from = Math.max(keyGroupRange.start(), handle.keyGroupRange().start());
          int to = Math.min(keyGroupRange.endInclusive(), handle.keyGroupRange().endInclusive());
          for (int keyGroup = from; keyGroup <= to; keyGroup++) {
            int slot = keyGroup - keyGroupRange.start();
            if (covered[slot]) {
              throw new IllegalStateException(
                  "Key group " + keyGroup + " is in two native snapshots being restored; each "
                      + "key group must come from exactly one");
            }
            covered[slot] = true;
            copyKeyGroup(old, keyGroup, ids, batch);
          }
        } catch (RocksDBException e) {
          throw new IOException(
              "Cannot open the RocksDB of " + handle + " to restore from: " + e.getMessage(), e);
        }
      } finally {
        NativeFiles.deleteTree(temp);
      }
    }
  }

  private void copyKeyGroup(RocksDB old, int keyGroup, int[] ids, RocksStore.Batch batch) {
    byte[] prefix = KeyLayout.keyGroupPrefix(keyGroup);
    RocksStore.scan(old, null, prefix, prefix, (k, v) -> {
      boolean pending = k[2] == KeyLayout.PENDING;
      int at = pending ? 3 : 2;
      int id = ids[k[at] & 0xFF];
      if (id == 0) {
        throw new IllegalStateException(
            "Key group " + keyGroup + " of a native snapshot has entries of state id "
                + (k[at] & 0xFF) + ", which its metadata does not name");
      }
      k[at] = (byte) id;
      if (pending) {
        StateRegistry.Entry entry = registry.byId(id);
        if (!entry.pending) {
          entry.pending = true;
          StateRegistry.persist(store, entry);
        }
      }
      batch.put(k, v);
      return true;
    });
  }

  /**
   * Links the handle's shared files (under their local names) and copies its private files into
   * {@code dir}; returns local SST name → shared path.
   */
  private static Map<String, String> placeFiles(Path root, NativeSnapshotHandle handle, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, String> shared = new HashMap<>();
    for (String path : handle.sharedFiles()) {
      String local = NativeFiles.localName(path);
      NativeFiles.linkOrCopy(root.resolve(path), dir.resolve(local));
      shared.put(local, path);
    }
    for (String path : handle.privateFiles()) {
      Path source = root.resolve(path);
      NativeFiles.copy(source, dir.resolve(source.getFileName().toString()));
    }
    return shared;
  }

  private static long readSequence(RocksDB db) {
    try {
      byte[] value = db.get(KeyLayout.metaSequenceKey());
      return value == null ? 0 : ByteArrayDataInput.getLong(value, 0);
    } catch (RocksDBException e) {
      throw RocksStore.failure("read its metadata", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "The state backend for key groups " + keyGroupRange + " is closed");
    }
  }

  /** Closes RocksDB and every native object, then deletes the working directory. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    // A snapshot being written on another thread reads RocksDB: let it stop first.
    closing = true;
    snapshotReaders.writeLock().lock();
    try {
      closed = true;
    } finally {
      snapshotReaders.writeLock().unlock();
    }
    declared.clear();
    registry.clear();
    closeNative();
    deleteWorkDir();
  }

  private void closeNative() {
    if (db != null) {
      db.close();
      db = null;
    }
    // Options holds the table config, which refers to the cache and filter: close it first.
    options.close();
    readOptions.close();
    writeOptions.close();
    appendOperator.close();
    bloomFilter.close();
    blockCache.release();
  }

  private void deleteWorkDir() {
    heldDir.close();
    try {
      NativeFiles.deleteTree(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete RocksDB's working directory " + workDir, e);
    }
  }

  @Override
  public String toString() {
    return "RocksDBKeyedStateBackend" + keyGroupRange + "/" + maxParallelism + declared.values();
  }
}
