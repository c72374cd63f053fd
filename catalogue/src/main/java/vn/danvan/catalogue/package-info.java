/**
 * The indicator catalogue ({@code catalogue/indicators.csv}): what every indicator code means, its
 * unit, and how it is computed from reports ({@link vn.danvan.catalogue.ReportSource}) or records
 * ({@link vn.danvan.catalogue.RecordFormula}). Read by the load's checks, the marts and the
 * warehouse, so it stays plain Java with no dependency at all (not even on contract).
 */
package vn.danvan.catalogue;
