package vn.danvan.warehouse.query;

/** Nothing has been published to the lake yet (no CURRENT), so there is nothing to query. */
public class NoSnapshotException extends WarehouseException {
  public NoSnapshotException(String message) {
    super(message);
  }
}
