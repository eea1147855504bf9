package io.weir.connectors.kafka;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.error.WeirException;
import io.weir.connectors.kafka.KafkaOptions.Partitioner;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.format.RowEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one sink task's rows to a topic.
 *
 * <p><b>At least once</b>: records are sent asynchronously, and every checkpoint (and the end of
 * input) waits until all of them are acknowledged — a failed send fails the job, which then
 * replays from the last checkpoint.
 *
 * <p><b>Exactly once</b> (with a {@code transactional-id-prefix}): the records between two
 * checkpoints go into one Kafka transaction, with its own transactional id {@code
 * <prefix>-<task>-<run>-<n>}. At a barrier the transaction is flushed and left open, its id,
 * producer id and epoch become the checkpoint's committable, and the next transaction begins; when
 * the checkpoint completes it is committed. After a crash the restored committables are committed
 * by a producer that resumes them ({@link TransactionResumer}), and transactions this task left
 * open after them are aborted, so {@code read_committed} consumers see every row exactly once.
 */
final class KafkaSinkWriter implements SinkWriter {
  private final String table;
  private final String topic;
  private final RowEncoder valueEncoder;
  /** Which columns go into the record key and which into the value. */
  private RecordLayout layout;
  /** Encodes the record key from the key's columns; null writes no key. */
  private RowEncoder keyEncoder;
  /** upsert-kafka: updates are written as the new row by key, deletes as tombstones. */
  private boolean upsert;
  private final Partitioner partitioner;
  private final int subtask;
  private final Properties producerProperties;
  /** The transactional-id prefix, or null for at-least-once. */
  private final String transactionalPrefix;
  private final String run;
  /** False for {@code sink.delivery-guarantee} = {@code none}. */
  private final boolean flushAtCheckpoints;
  private int transactions;
  private KafkaProducer<byte[], byte[]> producer;
  private String transactionalId;
  /** Flushed transactions waiting for their checkpoint to complete, by transactional id. */
  private final Map<String, KafkaProducer<byte[], byte[]>> prepared = new LinkedHashMap<>();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private int partitionCount = -1;
  private int nextPartition;

  KafkaSinkWriter(String table, String topic, Properties client, RowEncoder valueEncoder, Partitioner partitioner,
      int subtask, String run, String transactionalPrefix, boolean flushAtCheckpoints) {
    this.table = table;
    this.topic = topic;
    this.valueEncoder = valueEncoder;
    this.partitioner = partitioner;
    this.subtask = subtask;
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    this.producerProperties = p;
    this.run = run;
    this.flushAtCheckpoints = flushAtCheckpoints;
    this.transactionalPrefix = transactionalPrefix;
    this.nextPartition = subtask;
    if (transactionalPrefix == null) {
      producer = new KafkaProducer<>(p);
    } else {
      abortLingeringTransactions();
      beginTransaction();
    }
  }

  /**
   * Where the columns go: the value gets the layout's value columns, and with a {@code keyEncoder}
   * the record key is the key columns encoded by it. With {@code upsert}, a {@code +I}/{@code +U}
   * row is written as the record of its key, a {@code -U}/{@code -D} as a tombstone (no value).
   */
  KafkaSinkWriter withLayout(RecordLayout layout, RowEncoder keyEncoder, boolean upsert) {
    this.layout = layout;
    this.keyEncoder = keyEncoder;
    this.upsert = upsert;
    return this;
  }

  private String taskPrefix() {
    return transactionalPrefix + "-" + subtask + "-";
  }

  /**
   * Finds the transactions earlier runs of this sink left open — of every task, at whatever
   * parallelism: those of checkpoints that never completed are aborted so read_committed consumers
   * are not held back, those of completed ones are committed, from the restored committables
   * ({@link #commit}). Task 0 does it, as it is the one given every restored committable.
   */
  private void abortLingeringTransactions() {
    if (subtask != 0) {
      return;
    }
    Properties adminProps = new Properties();
    adminProps.putAll(producerProperties);
    try (Admin admin = Admin.create(adminProps)) {
      for (TransactionListing t : admin.listTransactions().all().get(30, TimeUnit.SECONDS)) {
        String id = t.transactionalId();
        if (id.startsWith(transactionalPrefix + "-") && !id.contains("-" + run + "-")
            && t.state() == TransactionState.ONGOING) {
          lingering.add(id);
        }
      }
    } catch (Exception e) {
      throw new WeirException("Table '" + table + "': cannot list the Kafka transactions of an earlier run: " + e, e);
    }
  }

  /** Open transactions of an earlier run: committed if a restored committable names them, else aborted. */
  private final java.util.Set<String> lingering = new java.util.LinkedHashSet<>();
  private boolean lingeringHandled;

  private void abortLingering() {
    if (lingeringHandled) {
      return;
    }
    lingeringHandled = true;
    for (String id : lingering) {
      try (KafkaProducer<byte[], byte[]> fencer = transactionalProducer(id)) {
        fencer.initTransactions(); // fences the old producer and aborts its open transaction
      }
    }
  }

  private KafkaProducer<byte[], byte[]> transactionalProducer(String id) {
    Properties p = new Properties();
    p.putAll(producerProperties);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "900000");
    return new KafkaProducer<>(p);
  }

  private void beginTransaction() {
    transactionalId = taskPrefix() + run + "-" + transactions++;
    producer = transactionalProducer(transactionalId);
    producer.initTransactions();
    producer.beginTransaction();
  }

  @Override
  public void write(Row row) {
    checkSent();
    byte[] value;
    if (upsert) {
      // A retraction (-U, -D) removes the key: when an update follows (+U) it writes the key again.
      // A -U is not simply dropped: a filter after an aggregation may let it through without its
      // +U, and then the row is gone.
      value = row.kind().isAccumulate() ? valueEncoder.encode(layout.value(row)) : null;
    } else if (row.kind() != RowKind.INSERT) {
      throw new WeirException("Table '" + table + "' (connector 'kafka') can only be appended to, but the query"
          + " produced the update " + row + ". Write an updating result to an 'upsert-kafka' table.");
    } else {
      value = valueEncoder.encode(layout.value(row));
    }
    byte[] key = keyEncoder == null ? null : keyEncoder.encode(layout.key(row));
    producer.send(new ProducerRecord<>(topic, partition(), key, value), (metadata, error) -> {
      if (error != null) {
        sendFailure.compareAndSet(null, error);
      }
    });
  }

  /** The partition of the next record: null lets the producer choose (sticky, or by key). */
  private Integer partition() {
    if (partitioner == Partitioner.DEFAULT) {
      return null;
    }
    if (partitionCount < 0) {
      partitionCount = producer.partitionsFor(topic).size();
    }
    if (partitioner == Partitioner.FIXED) {
      return subtask % partitionCount;
    }
    int p = nextPartition % partitionCount;
    nextPartition++;
    return p;
  }

  private void checkSent() {
    Exception e = sendFailure.get();
    if (e != null) {
      throw new WeirException("Table '" + table + "': writing to Kafka topic '" + topic + "' failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void flush() {
    producer.flush();
    checkSent();
  }

  @Override
  public List<String> prepareCommit(long checkpointId) {
    if (!flushAtCheckpoints) {
      return List.of(); // 'none': records go out when the producer sends them; a failure may lose some
    }
    flush();
    if (transactionalPrefix == null) {
      return List.of();
    }
    ProducerIdAndEpoch idAndEpoch = TransactionResumer.idAndEpoch(producer);
    String committable = transactionalId + "," + idAndEpoch.producerId + "," + idAndEpoch.epoch;
    prepared.put(transactionalId, producer);
    beginTransaction();
    return List.of(committable);
  }

  /** Commits flushed transactions: with their own producer, or, after a restore, by resuming them. */
  @Override
  public void commit(List<String> committables) {
    for (String committable : committables) {
      String[] parts = committable.split(",");
      KafkaProducer<byte[], byte[]> own = prepared.remove(parts[0]);
      if (own != null) {
        own.commitTransaction();
        own.close(Duration.ofSeconds(10));
        continue;
      }
      lingering.remove(parts[0]);
      try (KafkaProducer<byte[], byte[]> resumed = transactionalProducer(parts[0])) {
        TransactionResumer.resume(resumed, Long.parseLong(parts[1]), Short.parseShort(parts[2]));
        resumed.commitTransaction();
      } catch (InvalidTxnStateException | ProducerFencedException e) {
        // Committed before the crash: the transaction is over, nothing to do.
      }
    }
    abortLingering();
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      producer.close(Duration.ofSeconds(10));
      prepared.values().forEach(p -> p.close(Duration.ZERO));
    }
  }

  /**
   * The job failed or was cancelled: the open transaction is aborted. Flushed ones are left open:
   * the checkpoint they belong to may have completed, and then the restored job commits them.
   */
  @Override
  public void abort() {
    if (transactionalPrefix != null) {
      try {
        producer.abortTransaction();
      } catch (RuntimeException e) {
        // the broker aborts it at the transaction timeout, or the next run does
      }
      prepared.values().forEach(p -> p.close(Duration.ZERO));
    }
    producer.close(Duration.ZERO);
  }
}
