package vn.danvan.etl.marts;

import java.util.Arrays;

/**
 * Figures by region id ({@link RegionTrees}), as the tree walk makes a dozen of them per slice.
 * The entries sit side by side in the order they came ({@link #forEach} walks only them, not a
 * table's free slots); an open-addressing table of {@code long}s finds them, each slot holding an id
 * and its entry's place, and mixes the id's hash so that ids close together (the communes of one
 * district) do not share slots. Growing rehashes only that table. (As one table of ids and
 * figures, scanned whole by {@link #forEach} and rebuilt on each growth, the map was on the stack
 * of 48 % of the roll-up stage's CPU samples at scale 20, its growth 11 %.)
 */
final class IdMap {
  /** A slot's {@code long}: the id in the high half, its entry's place plus one in the low half; 0 is free. */
  private long[] table;
  private int[] ids;
  private Figure[] figures;
  private int size;

  IdMap() {
    this(4);
  }

  /** A map that holds {@code expected} ids before it grows. */
  IdMap(int expected) {
    int entries = Math.max(4, expected);
    ids = new int[entries];
    figures = new Figure[entries];
    // at most half the slots taken
    table = new long[Integer.highestOneBit(entries * 2 - 1) << 1];
  }

  private IdMap(IdMap other) {
    table = other.table.clone();
    ids = other.ids.clone();
    figures = other.figures.clone();
    size = other.size;
  }

  /** A copy holding the same figures (the same objects). */
  IdMap copy() {
    return new IdMap(this);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean containsKey(int id) {
    return table[slot(id)] != 0;
  }

  Figure get(int id) {
    long t = table[slot(id)];
    return t == 0 ? null : figures[(int) t - 1];
  }

  void put(int id, Figure f) {
    int s = slot(id);
    long t = table[s];
    if (t == 0) {
      add(s, id, f);
    } else {
      figures[(int) t - 1] = f;
    }
  }

  /** The id's figure, a new zero one when it has none. */
  Figure figure(int id) {
    int s = slot(id);
    long t = table[s];
    if (t != 0) {
      return figures[(int) t - 1];
    }
    Figure f = new Figure();
    add(s, id, f);
    return f;
  }

  void putAll(IdMap other) {
    other.forEach(this::put);
  }

  /** What {@link #forEach} hands each id and figure to. */
  interface Entry {
    void accept(int id, Figure f);
  }

  /** Each id and its figure, in the order the ids came. */
  void forEach(Entry action) {
    for (int i = 0; i < size; i++) {
      action.accept(ids[i], figures[i]);
    }
  }

  /** Adds an id that is not here into its free slot {@code s}. */
  private void add(int s, int id, Figure f) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      figures = Arrays.copyOf(figures, size * 2);
    }
    ids[size] = id;
    figures[size] = f;
    size++;
    table[s] = slotValue(id, size);
    if (size * 2 > table.length) {
      table = new long[table.length * 2];
      for (int i = 0; i < size; i++) {
        table[slot(ids[i])] = slotValue(ids[i], i + 1);
      }
    }
  }

  private static long slotValue(int id, int placePlusOne) {
    return (long) id << 32 | placePlusOne;
  }

  /** The slot holding {@code id}, or the free slot where it goes. */
  private int slot(int id) {
    int mask = table.length - 1;
    int s = mix(id) & mask;
    long t;
    while ((t = table[s]) != 0 && (int) (t >>> 32) != id) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
