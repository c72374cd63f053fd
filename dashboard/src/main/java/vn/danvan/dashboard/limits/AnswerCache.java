package vn.danvan.dashboard.limits;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The bytes of recent answers, per snapshot: a snapshot never changes, so an answer computed once
 * is exact for as long as that snapshot is read, and the pages ask the same few questions over
 * and over (a map per year, the provinces for a picker). Keyed by the snapshot the request reads
 * (current figures or a release's), the caller's region scope (two callers of different scopes
 * never share an answer), the path and the query parameters in name order ({@code release} among
 * them: a release's answers and current ones are never mixed, even on one snapshot); bounded by
 * total bytes, least recently used first out, so the answers of a snapshot no longer read age out.
 * Only {@code 200} answers are kept, with their content type; every other header comes from the
 * filters and wrappers that run before the handler, on a hit as on a miss.
 */
public final class AnswerCache {
  /** 64 MiB: a few thousand typical answers (a province map is ~10 kB, a commune map ~1 MB). */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  private final long maxBytes;
  private final long maxEntryBytes;
  private final Function<Context, Optional<String>> snapshot;
  private final Function<Context, String> scope;
  private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;

  private record Answer(byte[] body, String contentType) {}

  /**
   * @param maxBytes bytes of answers kept; one answer larger than an eighth of it is not kept
   * @param snapshot the id of the snapshot the request reads now
   * @param scope the caller's region scope, as a key
   */
  public AnswerCache(long maxBytes, Function<Context, Optional<String>> snapshot, Function<Context, String> scope) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, not " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxBytes / 8;
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  /** {@code inner}'s answer, from the cache when the same question was answered on this snapshot. */
  public Handler cached(Handler inner) {
    Objects.requireNonNull(inner, "inner");
    return ctx -> {
      Optional<String> before = snapshot.apply(ctx);
      String key = before.map(id -> key(id, ctx)).orElse(null);
      Answer hit = key == null ? null : get(key);
      if (hit != null) {
        if (hit.contentType() != null) {
          ctx.contentType(hit.contentType());
        }
        ctx.result(hit.body());
        return;
      }
      inner.handle(ctx);
      InputStream result = ctx.resultInputStream();
      if (ctx.statusCode() != 200 || result == null || before.isEmpty()) {
        return;
      }
      byte[] body = readAll(result);
      ctx.result(body);
      // an answer that straddled a swap may come from either snapshot: not kept
      if (before.equals(snapshot.apply(ctx))) {
        put(key, new Answer(body, ctx.res().getContentType()));
      }
    };
  }

  /** Answers served from the cache so far. */
  public synchronized long hits() {
    return hits;
  }

  /** Answers computed (not found in the cache) so far. */
  public synchronized long misses() {
    return misses;
  }

  /** Bytes of answers held now. */
  public synchronized long bytes() {
    return bytes;
  }

  private String key(String snapshotId, Context ctx) {
    StringBuilder key = new StringBuilder(snapshotId).append(' ').append(scope.apply(ctx)).append(' ')
        .append(ctx.path());
    char sep = '?';
    for (Map.Entry<String, List<String>> p : new TreeMap<>(ctx.queryParamMap()).entrySet()) {
      for (String value : p.getValue()) {
        key.append(sep).append(p.getKey()).append('=').append(value.strip());
        sep = '&';
      }
    }
    return key.toString();
  }

  private synchronized Answer get(String key) {
    Answer a = answers.get(key);
    if (a == null) {
      misses++;
    } else {
      hits++;
    }
    return a;
  }

  private synchronized void put(String key, Answer answer) {
    long size = answer.body().length + 2L * key.length();
    if (size > maxEntryBytes) {
      return;
    }
    Answer old = answers.put(key, answer);
    bytes += size - (old == null ? 0 : old.body().length + 2L * key.length());
    Iterator<Map.Entry<String, Answer>> eldest = answers.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Map.Entry<String, Answer> e = eldest.next();
      bytes -= e.getValue().body().length + 2L * e.getKey().length();
      eldest.remove();
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
