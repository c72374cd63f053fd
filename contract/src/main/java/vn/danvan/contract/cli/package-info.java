/**
 * Command-line pieces every tool shares, whichever step it runs: the {@code --lake DIR} option with
 * its one default ({@link vn.danvan.contract.cli.LakeOption}). Picocli is allowed here and nowhere
 * else in contract; still no Spark, no DuckDB.
 */
package vn.danvan.contract.cli;
