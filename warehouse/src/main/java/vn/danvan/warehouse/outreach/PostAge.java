package vn.danvan.warehouse.outreach;

import java.util.Arrays;
import java.util.stream.Collectors;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * The ages after publishing at which {@code post_stats} holds each post's counts and scores (the
 * etl's {@code vn.danvan.etl.outreach.Age}; the warehouse does not depend on the etl, and
 * {@code LakeContractTest} keeps the columns in step).
 */
public enum PostAge {
  H1("1h", 1), H24("24h", 24), D7("7d", 168);

  private final String code;
  private final int hours;

  PostAge(String code, int hours) {
    this.code = code;
    this.hours = hours;
  }

  /** The API's {@code age} value and the columns' suffix. */
  public String code() {
    return code;
  }

  public int hours() {
    return hours;
  }

  /** @throws InvalidParameterException naming {@code parameter} for anything else */
  public static PostAge parse(String parameter, String text) {
    for (PostAge a : values()) {
      if (a.code.equals(text)) {
        return a;
      }
    }
    throw new InvalidParameterException(parameter, "must be one of "
        + Arrays.stream(values()).map(PostAge::code).collect(Collectors.joining(", ")) + ", not '" + text + "'");
  }
}
