package vn.danvan.bench.query;

/** One engine's way to answer run {@code i} of a query kind. */
@FunctionalInterface
interface TimedQuery {
  /**
   * Runs the read to its last byte or row.
   *
   * @return the answer in comparable form, or null when the side cannot reduce it (HTTP JSON)
   */
  Answer run(int i) throws Exception;
}
