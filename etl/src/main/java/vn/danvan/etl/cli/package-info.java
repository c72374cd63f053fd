/**
 * Entry point of the ETL jar ({@code bin/danvan generate|load|regions|external}, and the class
 * {@code spark-submit} runs): only wires the commands of the other packages together, holds no
 * logic.
 */
package vn.danvan.etl.cli;
