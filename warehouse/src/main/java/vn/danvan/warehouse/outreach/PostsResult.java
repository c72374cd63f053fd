package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/** The answer of {@code /api/outreach/posts}: the posts of the span ranked by overperformance. */
public record PostsResult(
    @JsonProperty("order") String order,
    @JsonProperty("age") String age,
    @JsonProperty("region") String region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("posts") List<RankedPost> posts) implements ScopedAnswer<PostsResult> {
  public PostsResult {
    posts = List.copyOf(posts);
  }

  /** The posts are those of {@code region}, which the query checked against the scope. */
  @Override
  public PostsResult within(Visibility seen) {
    return this;
  }
}
