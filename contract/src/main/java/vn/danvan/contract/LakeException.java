package vn.danvan.contract;

/** The lake on disk is not in the shape the layout promises (unreadable CURRENT, missing snapshot). */
public class LakeException extends RuntimeException {
  public LakeException(String message) {
    super(message);
  }

  public LakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
