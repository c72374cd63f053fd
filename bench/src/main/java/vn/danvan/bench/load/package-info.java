/**
 * Benchmark: {@code bin/danvan bench load}, many users reading the dashboard at once (the pages'
 * mixed reads, cold and warm) beside PostgreSQL answering the same reads over as many connections.
 */
package vn.danvan.bench.load;
