package vn.danvan.warehouse.query;

import java.util.Objects;

/**
 * A request parameter has a value the warehouse cannot answer for (a reversed year range, a level
 * that a boundary mode does not have). Carries the parameter's name so that an API can point the
 * caller at it.
 */
public class InvalidParameterException extends IllegalArgumentException {
  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(Objects.requireNonNull(parameter, "parameter") + ": " + message);
    this.parameter = parameter;
  }

  /** The request parameter at fault, e.g. {@code from}. */
  public String parameter() {
    return parameter;
  }
}
