/**
 * Reading landing files before their rows are checked, the same way for the Spark load and for the
 * dry run of an upload: a workbook's first sheet as text ({@link
 * vn.danvan.contract.landing.XlsxSheet}, formulas by their cached result) and a file's text
 * encoding ({@link vn.danvan.contract.landing.LandingEncoding}: UTF-16 from Excel's "Unicode
 * Text" becomes the contract's UTF-8).
 */
package vn.danvan.contract.landing;
