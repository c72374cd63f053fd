package vn.danvan.warehouse.query;

/**
 * A request for a region, or an answer, outside the caller's region scope: the API answers 403
 * naming the parameter and the codes.
 */
public final class OutOfScopeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the request parameter that named the region, or null when the answer as a
   *     whole is not available to the scope
   */
  public OutOfScopeException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter that named the region, or null. */
  public String parameter() {
    return parameter;
  }
}
