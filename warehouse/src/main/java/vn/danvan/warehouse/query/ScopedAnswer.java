package vn.danvan.warehouse.query;

/**
 * An answer that knows which of its parts a scoped reader may see. {@link Warehouse#read} hands
 * every answer of a read that is not the whole country's through {@link #within}; an answer that
 * is neither this, {@link Unregional}, nor a list of {@link RegionalRow} is refused to such reads
 * (access is denied by default).
 *
 * @param <T> the answer's own type
 */
public interface ScopedAnswer<T> {
  /** This answer without any figure, name or row of a region {@code visibility} does not see. */
  T within(Visibility visibility);
}
