/** {@code bench intake}: the upload page's dry run of a large workbook, through the server. */
package vn.danvan.bench.intake;
