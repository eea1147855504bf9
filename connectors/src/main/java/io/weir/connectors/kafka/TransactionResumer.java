package io.weir.connectors.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * Reads the producer id and epoch of a transactional producer, and makes a fresh producer continue
 * that transaction so it can commit it — what a restored sink must do for the transactions of a
 * checkpoint that completed before the crash but whose commit may not have happened. Kafka's
 * client offers no public API for it (KIP-939's is not exposed in this client version), so this
 * reaches into its transaction manager, as Flink's Kafka sink does; the tests against a real broker
 * catch a client upgrade that changes those internals.
 */
final class TransactionResumer {
  private TransactionResumer() {}

  /** The producer id and epoch of {@code producer}'s current transaction. */
  static ProducerIdAndEpoch idAndEpoch(KafkaProducer<?, ?> producer) {
    try {
      Object manager = field(producer, "transactionManager");
      return (ProducerIdAndEpoch) field(manager, "producerIdAndEpoch");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("This Kafka client does not expose its transaction state: " + e, e);
    }
  }

  /**
   * Puts {@code producer} — created with the transaction's {@code transactional.id}, never
   * initialised — inside the transaction {@code (producerId, epoch)}, so that commitTransaction()
   * commits it.
   */
  static void resume(KafkaProducer<?, ?> producer, long producerId, short epoch) {
    try {
      Object manager = field(producer, "transactionManager");
      synchronized (manager) {
        set(manager, "producerIdAndEpoch", new ProducerIdAndEpoch(producerId, epoch));
        set(manager, "currentState", enumConstant(
            "org.apache.kafka.clients.producer.internals.TransactionManager$State", "READY"));
        Method begin = manager.getClass().getDeclaredMethod("beginTransaction");
        begin.setAccessible(true);
        begin.invoke(manager);
        set(manager, "transactionStarted", true);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot resume Kafka transaction of producer id " + producerId + ": " + e, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(String className, String name) throws ClassNotFoundException {
    return Enum.valueOf((Class) Class.forName(className), name);
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(target);
  }

  private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    f.set(target, value);
  }
}
