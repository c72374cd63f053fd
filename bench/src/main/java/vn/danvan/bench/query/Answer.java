package vn.danvan.bench.query;

/**
 * What one query returned, reduced to what two engines must agree on: the number of rows and the
 * sum of the figure column. Used once per query kind to check that the SQL run on PostgreSQL is
 * really the same question the warehouse answers.
 */
record Answer(long rows, double total) {
  /** Rows = the figures present (nulls are no data, not rows), total = their sum. */
  static Answer of(java.util.stream.Stream<Double> values) {
    double[] present = values.filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    return new Answer(present.length, java.util.Arrays.stream(present).sum());
  }

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
