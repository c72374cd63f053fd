package vn.danvan.warehouse.query;

import java.util.Objects;

/**
 * A request names something the warehouse does not know: an indicator missing from the catalogue,
 * or a region code the requested boundary mode has never had. Not a failure of the warehouse.
 */
public class NotFoundException extends RuntimeException {
  private final String parameter;

  public NotFoundException(String parameter, String message) {
    super(Objects.requireNonNull(parameter, "parameter") + ": " + message);
    this.parameter = parameter;
  }

  /** The request parameter whose value was not found, e.g. {@code region}. */
  public String parameter() {
    return parameter;
  }
}
