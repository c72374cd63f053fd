/**
 * What an upload is checked against and what a template offers, read from the served snapshot:
 * every region version (for the load's region checks), the campaigns, and the units of a scope
 * with their names.
 */
package vn.danvan.warehouse.intake;
