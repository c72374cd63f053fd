package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Level;

/**
 * The region trees of both eras, collected on the driver (some 14,000 nodes) and shipped with the
 * roll-up's tasks: each node's parent of the same era, and the codes of the 2025 communes and
 * provinces.
 *
 * <p>The roll-up works on dense ids, not on the codes: a code is looked up once per fact, the
 * tree walk's many small maps are {@link IdMap}s of ids (GSO codes are digit strings whose {@code
 * String} hashes crowd into few {@code HashMap} buckets), and parents are read from arrays. A code
 * is one id in both eras; a code no tree knows gets an id of its own, without parents.
 */
final class RegionTrees implements Serializable {
  private static final long serialVersionUID = 2L;
  static final int NONE = -1;

  /** The codes the trees know, by id; read-only once built. */
  private final String[] codes;
  /**
   * The ids of the codes the trees know, by slot: an open-addressing table whose hash is mixed (in
   * a {@code HashMap}, the codes' {@code String} hashes crowded buckets into trees, and a fact's
   * lookup walked one).
   */
  private final String[] slotCodes;
  private final int[] slotIds;
  private final int mask;
  private final byte[] lengths;
  /** Each known code's rank in the order of the codes as text. */
  private final int[] ranks;
  /** Codes no tree knows, given ids from {@code codes.length} on as the facts name them. */
  private final Map<String, Integer> otherIds = new HashMap<>();
  private final List<String> otherCodes = new ArrayList<>();
  private final int[] oldParent;
  private final int[] newParent;
  private final boolean[] newCommune;
  private final boolean[] newProvince;

  /** @param nodes {@code code, era, parent_code}: one row per code and era ({@link Regions#nodes}) */
  RegionTrees(List<Row> nodes) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> known = new ArrayList<>();
    for (Row n : nodes) {
      for (String code : new String[] {n.getAs("code"), n.getAs("parent_code")}) {
        if (code != null && !ids.containsKey(code)) {
          ids.put(code, known.size());
          known.add(code);
        }
      }
    }
    codes = known.toArray(String[]::new);
    int size = codes.length;
    int capacity = Integer.highestOneBit(Math.max(4, size) * 2) * 2;
    slotCodes = new String[capacity];
    slotIds = new int[capacity];
    mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int slot = slot(codes[id]);
      while (slotCodes[slot] != null) {
        slot = (slot + 1) & mask;
      }
      slotCodes[slot] = codes[id];
      slotIds[slot] = id;
    }
    Integer[] byCode = new Integer[size];
    Arrays.setAll(byCode, i -> i);
    Arrays.sort(byCode, (a, b) -> codes[a].compareTo(codes[b]));
    ranks = new int[size];
    for (int r = 0; r < size; r++) {
      ranks[byCode[r]] = r;
    }
    lengths = new byte[size];
    for (int i = 0; i < size; i++) {
      lengths[i] = (byte) Math.min(codes[i].length(), Byte.MAX_VALUE);
    }
    oldParent = new int[size];
    newParent = new int[size];
    Arrays.fill(oldParent, NONE);
    Arrays.fill(newParent, NONE);
    newCommune = new boolean[size];
    newProvince = new boolean[size];
    for (Row n : nodes) {
      String code = n.getAs("code");
      int id = ids.get(code);
      boolean newEra = Facts.NEW.equals(n.getAs("era"));
      String parent = n.getAs("parent_code");
      if (parent != null) {
        (newEra ? newParent : oldParent)[id] = ids.get(parent);
      }
      if (newEra && isAt(code, Level.COMMUNE)) {
        newCommune[id] = true;
      } else if (newEra && isAt(code, Level.PROVINCE)) {
        newProvince[id] = true;
      }
    }
  }

  /** Whether a code has the length of the level's GSO codes. */
  static boolean isAt(String code, Level level) {
    return code.length() == level.codeLength();
  }

  /** The id of a code, given one on first sight when no tree knows it. */
  int id(String code) {
    for (int slot = slot(code);; slot = (slot + 1) & mask) {
      String known = slotCodes[slot];
      if (known == null) {
        return otherId(code);
      }
      if (known.equals(code)) {
        return slotIds[slot];
      }
    }
  }

  private int slot(String code) {
    int h = code.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  private synchronized int otherId(String code) {
    return otherIds.computeIfAbsent(code, c -> {
      otherCodes.add(c);
      return codes.length + otherCodes.size() - 1;
    });
  }

  /** How many ids have been given: the trees' codes and the others seen so far. */
  synchronized int size() {
    return codes.length + otherCodes.size();
  }

  String code(int id) {
    if (id < codes.length) {
      return codes[id];
    }
    synchronized (this) {
      return otherCodes.get(id - codes.length);
    }
  }

  /** The rank of a code the trees know among them, in the order of the codes as text; -1 for the others. */
  int rank(int id) {
    return id < ranks.length ? ranks[id] : -1;
  }

  boolean isAt(int id, Level level) {
    return (id < lengths.length ? lengths[id] : code(id).length()) == level.codeLength();
  }

  /** A pre-2025 node's parent of the same era, or {@link #NONE}. */
  int oldParent(int id) {
    return id < oldParent.length ? oldParent[id] : NONE;
  }

  /** A 2025 node's parent of the same era, or {@link #NONE}. */
  int newParent(int id) {
    return id < newParent.length ? newParent[id] : NONE;
  }

  /** Whether a 2025 commune has this code. */
  boolean isNewCommune(int id) {
    return id < newCommune.length && newCommune[id];
  }

  /** Whether a 2025 province has this code. */
  boolean isNewProvince(int id) {
    return id < newProvince.length && newProvince[id];
  }
}
