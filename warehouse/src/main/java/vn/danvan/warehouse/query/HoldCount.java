package vn.danvan.warehouse.query;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who still reads a snapshot: 1 for the warehouse's own hold while it is current, plus 1 per read
 * in flight. When CURRENT moves on, the warehouse gives its hold back, and the snapshot closes only
 * when the last read on it has ended, so no read is cut off by a swap. Once the count has reached
 * zero it stays there: a read that arrives late must go to the new snapshot instead.
 */
final class HoldCount {
  private final String owner;
  private final AtomicInteger holds = new AtomicInteger(1);

  /** The warehouse's hold on {@code owner} (named in messages), taken at once. */
  HoldCount(String owner) {
    this.owner = owner;
  }

  /** Takes a hold for one read; false when the last hold is already gone. */
  boolean retain() {
    while (true) {
      int h = holds.get();
      if (h == 0) {
        return false;
      }
      if (holds.compareAndSet(h, h + 1)) {
        return true;
      }
    }
  }

  /** Gives a hold back; true when it was the last one, and the owner should close. */
  boolean release() {
    int left = holds.decrementAndGet();
    if (left < 0) {
      throw new IllegalStateException(owner + " released more than retained");
    }
    return left == 0;
  }
}
