package vn.danvan.warehouse.query;

import vn.danvan.contract.Boundaries;

/**
 * A row of a list answer that belongs to one region: a scoped read keeps only the rows of regions
 * its {@link Visibility} sees (see {@link ScopedAnswer}).
 */
public interface RegionalRow {
  /** The region's GSO code ({@code VN} for the nation). */
  String region();

  /** The boundary mode the code is of; units as reported unless the row says otherwise. */
  default Boundaries boundaries() {
    return Boundaries.REPORTED;
  }
}
