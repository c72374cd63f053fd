package vn.danvan.etl.generate;

/**
 * Which set of administrative units a record uses: the 63 provinces, districts and communes valid
 * up to 2025-06-30, or the 34 provinces and 3,321 communes valid from 2025-07-01 (no districts).
 */
enum Era {
  OLD, NEW
}
