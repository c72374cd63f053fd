package vn.danvan.warehouse.query;

/**
 * Marks an answer that holds no region's figures (the snapshot's id and table sizes, say), which
 * every account may read whatever its scope.
 */
public interface Unregional {}
