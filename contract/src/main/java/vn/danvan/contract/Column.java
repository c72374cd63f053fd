package vn.danvan.contract;

import java.util.Objects;

/**
 * One column of a landing table as the data contract names it. Landing files are read as text;
 * {@link Type} says how the ETL parses and checks the text.
 */
public record Column(String name, Type type, boolean required) {

  /** How a landing value is parsed; every failure is a named quarantine reason. */
  public enum Type {
    STRING, CODE, DATE, TIMESTAMP, YEAR, COUNT, MONEY, DECIMAL, FRACTION, WEIGHT
  }

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type of " + name);
  }

  static Column req(String name, Type type) {
    return new Column(name, type, true);
  }

  static Column opt(String name, Type type) {
    return new Column(name, type, false);
  }
}
