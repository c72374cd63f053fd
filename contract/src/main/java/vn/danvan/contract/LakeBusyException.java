package vn.danvan.contract;

/** Another load holds the lake's lock: two loads must never stage or publish at once. */
public final class LakeBusyException extends RuntimeException {
  public LakeBusyException(String message) {
    super(message);
  }
}
