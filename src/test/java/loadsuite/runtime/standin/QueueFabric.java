package loadsuite.runtime.standin;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runtime's queue fabric: publishers put messages on a bounded queue that one consumer
 * drains. A full queue refuses the batch (back-pressure) instead of growing without bound.
 */
final class QueueFabric implements AutoCloseable {
  record Message(String topic, String payload) {}

  private static final int CAPACITY = 100_000;

  private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread consumer;

  QueueFabric() {
    consumer = new Thread(this::consume, "runtime-queue-consumer");
    consumer.setDaemon(true);
    consumer.start();
  }

  /** Publishes all messages or none; false when the queue has no room for the whole batch. */
  synchronized boolean publish(String topic, java.util.List<String> payloads) {
    if (queue.remainingCapacity() < payloads.size()) {
      return false;
    }
    for (String payload : payloads) {
      queue.add(new Message(topic, payload));
    }
    return true;
  }

  private void consume() {
    java.util.List<Message> batch = new java.util.ArrayList<>(1024);
    while (running.get()) {
      try {
        Message first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1023);
        batch.clear();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.interrupt();
  }
}
