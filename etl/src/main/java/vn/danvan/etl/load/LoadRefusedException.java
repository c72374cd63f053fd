package vn.danvan.etl.load;

/**
 * The landing input is refused as a whole (personal-data column, unreadable file, bad header,
 * unknown table folder, missing contract column): nothing of the load is written or published.
 * The message names the file and, where there is one, the column.
 */
public final class LoadRefusedException extends RuntimeException {
  public LoadRefusedException(String message) {
    super(message);
  }

  public LoadRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
