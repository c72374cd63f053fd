package vn.danvan.warehouse.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result into a value; it must not move the cursor. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(ResultSet row) throws SQLException;
}
