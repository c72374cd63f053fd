package vn.danvan.etl.marts;

import java.util.Arrays;

/**
 * Figures by region id ({@link RegionTrees}), as the tree walk makes a dozen of them per slice: an
 * open-addressing table of primitive ids, whose hash is mixed so that ids close together (the
 * communes of one district) do not share slots. Iterates in slot order, the same for the same
 * insertions.
 */
final class IdMap {
  private static final int FREE = -1;

  private int[] keys;
  private Figure[] values;
  private int size;

  IdMap() {
    this(8);
  }

  private IdMap(int capacity) {
    keys = new int[capacity];
    values = new Figure[capacity];
    Arrays.fill(keys, FREE);
  }

  /** A copy holding the same figures (the same objects). */
  IdMap copy() {
    IdMap m = new IdMap(keys.length);
    System.arraycopy(keys, 0, m.keys, 0, keys.length);
    System.arraycopy(values, 0, m.values, 0, values.length);
    m.size = size;
    return m;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean containsKey(int id) {
    return keys[slot(id)] == id;
  }

  Figure get(int id) {
    int s = slot(id);
    return keys[s] == id ? values[s] : null;
  }

  void put(int id, Figure f) {
    int s = slot(id);
    if (keys[s] != id) {
      keys[s] = id;
      size++;
    }
    values[s] = f;
    if (size * 2 > keys.length) {
      grow();
    }
  }

  /** The id's figure, a new zero one when it has none. */
  Figure figure(int id) {
    int s = slot(id);
    if (keys[s] == id) {
      return values[s];
    }
    Figure f = new Figure();
    put(id, f);
    return f;
  }

  void putAll(IdMap other) {
    other.forEach(this::put);
  }

  /** What {@link #forEach} hands each id and figure to. */
  interface Entry {
    void accept(int id, Figure f);
  }

  void forEach(Entry action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != FREE) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  /** The slot holding {@code id}, or the free slot where it goes. */
  private int slot(int id) {
    int mask = keys.length - 1;
    int s = mix(id) & mask;
    while (keys[s] != FREE && keys[s] != id) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void grow() {
    int[] oldKeys = keys;
    Figure[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Figure[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
