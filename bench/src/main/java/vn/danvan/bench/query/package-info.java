/**
 * Benchmark of warehouse queries and the API: {@code /api/series}, {@code /api/map} and a raw fact
 * scan beside a throwaway PostgreSQL holding the same marts; answers checked equal first, timed
 * runs interleaved.
 */
package vn.danvan.bench.query;
