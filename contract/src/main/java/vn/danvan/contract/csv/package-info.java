/**
 * Reading CSV as the data contract writes it (UTF-8, optional BOM, RFC 4180 quoting): the first
 * step of a file's journey for everything read outside Spark — the indicator catalogue, the
 * reference files the ETL ships or imports, and the header of each landing file, which is checked
 * before Spark reads the rows.
 */
package vn.danvan.contract.csv;
