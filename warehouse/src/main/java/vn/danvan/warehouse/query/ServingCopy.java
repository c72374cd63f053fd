package vn.danvan.warehouse.query;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import vn.danvan.contract.Grain;

/**
 * What a snapshot copies into memory when it opens; the rest is read from its Parquet files. The
 * dashboard's many small reads want the marts in memory (tens of milliseconds saved a read); a
 * batch reader that makes a few hundred reads (the review pack) is done sooner reading what it can
 * from disk than waiting for the whole copy.
 *
 * @param grains the grains whose indicator figures are copied; the indicator marts are read through
 *     the copy only, so a series of another grain is refused ({@link SnapshotSession#requireServed})
 * @param survey whether the survey estimates are copied (otherwise read from Parquet)
 */
public record ServingCopy(Set<Grain> grains, boolean survey) {
  /** Every grain and the survey estimates: the dashboard. */
  public static final ServingCopy DASHBOARD = new ServingCopy(EnumSet.allOf(Grain.class), true);
  /** The yearly figures only, the survey estimates from Parquet: the review pack. */
  public static final ServingCopy YEARLY_BATCH = new ServingCopy(EnumSet.of(Grain.YEAR), false);

  public ServingCopy {
    Objects.requireNonNull(grains, "grains");
    if (grains.isEmpty()) {
      throw new IllegalArgumentException("a serving copy needs at least one grain");
    }
    grains = Set.copyOf(grains);
  }
}
