package vn.danvan.bench.query;

/** The three reads the issue sets goals for, each with its own p95 goal. */
enum QueryKind {
  /** {@code /api/series}: one indicator, 34 provinces, 10 years, yearly, 2025 boundaries. */
  SERIES("series", 20),
  /** {@code /api/map}: one indicator, all 3,321 communes, one year, 2025 boundaries. */
  MAP("map", 50),
  /** A trend straight from the fact Parquet files: yearly participants of one activity type. */
  SCAN("raw scan", 500);

  /** DuckDB's p95 must also be at most this share of PostgreSQL's. */
  static final double RATIO_GOAL = 0.5;

  private final String label;
  private final double goalP95Millis;

  QueryKind(String label, double goalP95Millis) {
    this.label = label;
    this.goalP95Millis = goalP95Millis;
  }

  String label() {
    return label;
  }

  double goalP95Millis() {
    return goalP95Millis;
  }
}
