/**
 * The command line of the ETL jar ({@code bin/danvan generate|load|regions|external}, and the class
 * {@code spark-submit} runs): the load and external-import commands and the local Spark session
 * they start. Only wires the other packages together; nothing depends on it.
 */
package vn.danvan.etl.cli;
