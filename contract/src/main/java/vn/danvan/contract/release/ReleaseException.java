package vn.danvan.contract.release;

import vn.danvan.contract.LakeException;

/** A release that cannot be made or read: an unknown or taken name, a missing snapshot. */
public class ReleaseException extends LakeException {
  public ReleaseException(String message) {
    super(message);
  }

  public ReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
