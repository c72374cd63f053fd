/**
 * The audit trail: append-only JSON Lines in {@code LAKE/audit/}, beside the snapshots, written by
 * the server (sign-ins, refusals, downloads) and by the commands (account changes, loads and
 * imports) alike, one whole line per write so that a {@code kill -9} loses no acknowledged line and
 * tears none; rotated by size; read back in time order.
 */
package vn.danvan.contract.audit;
