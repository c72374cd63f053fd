/**
 * Tools, before the journey starts: the deterministic demo-data generator, which writes a landing
 * folder for every table of the contract, calibrated on real reports, crossing the 2025 reform,
 * with planted bad rows listed in {@code _planted.csv}. It plants rows by {@link
 * vn.danvan.contract.Reason} and must not depend on the loader ({@code etl.load}), so that the
 * loader's quarantine can be checked against it independently. No Spark.
 */
package vn.danvan.etl.generate;
