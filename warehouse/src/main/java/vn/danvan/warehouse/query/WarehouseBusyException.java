package vn.danvan.warehouse.query;

/**
 * A query ran past its timeout or found no free connection in time: the warehouse is overloaded,
 * not broken, and the caller may try again.
 */
public class WarehouseBusyException extends WarehouseException {
  public WarehouseBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
