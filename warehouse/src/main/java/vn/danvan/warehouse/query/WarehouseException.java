package vn.danvan.warehouse.query;

/** A query against the warehouse failed; the message names the SQL file and the snapshot. */
public class WarehouseException extends RuntimeException {
  public WarehouseException(String message) {
    super(message);
  }

  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
