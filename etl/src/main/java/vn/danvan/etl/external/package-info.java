/**
 * External indicators (PAPI), their own short journey: published files read and checked, then
 * staged as a new lake snapshot ({@code external_values}) with their mart {@code
 * external_indicator_values}, and published; every later load carries them forward
 * (docs/external.md). Never computed by the indicator marts.
 */
package vn.danvan.etl.external;
