package vn.danvan.bench.query;

/**
 * What one query returned, reduced to what two engines must agree on: the number of rows and the
 * sum of the figure column. Used once per query kind to check that the SQL run on PostgreSQL is
 * really the same question the warehouse answers.
 */
record Answer(long rows, double total) {
  /** Same row count, and sums equal to about 1e-9 relative (the engines add in other orders). */
  boolean agreesWith(Answer other) {
    double scale = Math.max(1.0, Math.max(Math.abs(total), Math.abs(other.total)));
    return rows == other.rows && Math.abs(total - other.total) <= 1e-9 * scale;
  }

  @Override
  public String toString() {
    return rows + " rows, total " + total;
  }
}
