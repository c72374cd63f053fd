package vn.danvan.contract.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.danvan.contract.Lake;
import vn.danvan.contract.SnapshotRef;

/**
 * The releases of a lake, kept in {@code LAKE/releases/<name>/} beside the snapshots: {@code
 * release.json} (name, title, snapshot, time, account, manifest checksum) and {@code manifest.tsv}
 * (one line per file of the snapshot: SHA-256, bytes, path; sorted by path). A release is written
 * once, whole (staged then renamed), and never changed or removed by any command.
 */
public final class Releases {
  public static final String MANIFEST = "manifest.tsv";
  public static final String DESCRIPTION = "release.json";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lake lake;

  private Releases(Lake lake) {
    this.lake = Objects.requireNonNull(lake, "lake");
  }

  public static Releases of(Lake lake) {
    return new Releases(lake);
  }

  /** Whether {@code name} can name a release (letters, digits, {@code . _ -}; at most 64). */
  public static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches() && !name.contains("..");
  }

  static String requireName(String name) {
    if (!isName(name)) {
      throw new ReleaseException("not a release name: '" + name
          + "' (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64)");
    }
    return name;
  }

  public Path dir() {
    return lake.releasesDir();
  }

  private Path dir(String name) {
    return dir().resolve(requireName(name));
  }

  /**
   * Freezes {@code snapshot} as release {@code name}: hashes every file of the snapshot and writes
   * the release whole, or not at all.
   *
   * @throws ReleaseException when the name is taken or the snapshot does not exist
   */
  public Release create(String name, String snapshot, String title, String createdBy, Instant at) {
    requireName(name);
    Path target = dir(name);
    if (Files.exists(target)) {
      throw new ReleaseException("release " + name + " exists already (a release is never changed)");
    }
    SnapshotRef ref = lake.ref(snapshot);
    if (!Files.isDirectory(ref.dir())) {
      throw new ReleaseException("snapshot " + snapshot + " does not exist in " + lake.snapshotsDir());
    }
    List<ManifestEntry> manifest = manifestOf(ref.dir());
    byte[] manifestBytes = manifest.stream().map(e -> e.line() + "\n").collect(Collectors.joining())
        .getBytes(StandardCharsets.UTF_8);
    Release release = new Release(name, title, snapshot, at, createdBy, manifest.size(),
        manifest.stream().mapToLong(ManifestEntry::bytes).sum(), sha256(manifestBytes));
    Path staged = dir().resolve("." + name + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(staged);
      Files.write(staged.resolve(MANIFEST), manifestBytes);
      Files.write(staged.resolve(DESCRIPTION), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(release)));
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(staged);
      if (Files.exists(target.resolve(DESCRIPTION))) {
        throw new ReleaseException("release " + name + " exists already (a release is never changed)", e);
      }
      throw new ReleaseException("cannot write release " + name + " in " + dir() + ": " + e.getMessage(), e);
    }
    return release;
  }

  /** Every release, oldest first. */
  public List<Release> list() {
    if (!Files.isDirectory(dir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(dir())) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(DESCRIPTION)))
          .map(d -> d.getFileName().toString()).filter(Releases::isName).map(this::read)
          .sorted(Comparator.comparing(Release::createdAt).thenComparing(Release::name)).toList();
    } catch (IOException e) {
      throw new ReleaseException("cannot list " + dir() + ": " + e.getMessage(), e);
    }
  }

  public Optional<Release> find(String name) {
    if (!isName(name) || !Files.isRegularFile(dir(name).resolve(DESCRIPTION))) {
      return Optional.empty();
    }
    return Optional.of(read(name));
  }

  /** @throws ReleaseException naming the releases there are, when there is none of this name */
  public Release require(String name) {
    return find(name).orElseThrow(() -> new ReleaseException("no release named '" + name + "' in " + dir()
        + " (releases: " + (list().isEmpty() ? "none" : list().stream().map(Release::name)
        .collect(Collectors.joining(", "))) + ")"));
  }

  /** The snapshot a release pins, as readers open it. */
  public SnapshotRef snapshot(Release release) {
    return lake.ref(release.snapshot());
  }

  /** The ids of every snapshot a release pins: what no clean-up may remove. */
  public Set<String> pinnedSnapshots() {
    return list().stream().map(Release::snapshot).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The manifest as frozen, sorted by path. */
  public List<ManifestEntry> manifest(Release release) {
    try (Stream<String> lines = Files.lines(dir(release.name()).resolve(MANIFEST), StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isEmpty()).map(ManifestEntry::parse).toList();
    } catch (IOException e) {
      throw new ReleaseException("cannot read the manifest of release " + release.name() + ": " + e.getMessage(), e);
    }
  }

  /** Checks the manifest's own checksum and every file of the snapshot against it. */
  public Verification verify(String name) {
    Release release = require(name);
    List<String> problems = new ArrayList<>();
    try {
      String actual = sha256(Files.readAllBytes(dir(name).resolve(MANIFEST)));
      if (!actual.equals(release.manifestSha256())) {
        problems.add("changed: " + MANIFEST + " (the manifest itself)");
      }
    } catch (IOException e) {
      problems.add("missing: " + MANIFEST);
    }
    Map<String, ManifestEntry> frozen = new LinkedHashMap<>();
    manifest(release).forEach(e -> frozen.put(e.path(), e));
    Path root = snapshot(release).dir();
    Map<String, ManifestEntry> now = new LinkedHashMap<>();
    if (Files.isDirectory(root)) {
      manifestOf(root).forEach(e -> now.put(e.path(), e));
    }
    for (ManifestEntry e : frozen.values()) {
      ManifestEntry found = now.get(e.path());
      if (found == null) {
        problems.add("missing: " + e.path());
      } else if (!found.sha256().equals(e.sha256()) || found.bytes() != e.bytes()) {
        problems.add("changed: " + e.path());
      }
    }
    now.keySet().stream().filter(p -> !frozen.containsKey(p)).forEach(p -> problems.add("added: " + p));
    return new Verification(release, frozen.size(), problems);
  }

  /** Every regular file under {@code root} with its size and SHA-256, sorted by path. */
  static List<ManifestEntry> manifestOf(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> paths = files.filter(Files::isRegularFile).sorted().toList();
      List<ManifestEntry> entries = new ArrayList<>(paths.size());
      for (Path file : paths) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        entries.add(new ManifestEntry(relative, Files.size(file), sha256(file)));
      }
      entries.sort(Comparator.comparing(ManifestEntry::path));
      return entries;
    } catch (IOException e) {
      throw new ReleaseException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  private Release read(String name) {
    Path file = dir(name).resolve(DESCRIPTION);
    try {
      JsonNode json = JSON.readTree(file.toFile());
      return new Release(json.path("name").asText(), json.path("title").asText(),
          json.path("snapshot").asText(), Instant.parse(json.path("created_at").asText()),
          json.path("created_by").asText(), json.path("files").asInt(), json.path("bytes").asLong(),
          json.path("manifest_sha256").asText());
    } catch (IOException | RuntimeException e) {
      throw new ReleaseException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The release as {@code release.json} holds it (also the API's form). */
  public static ObjectNode toJson(Release r) {
    ObjectNode json = JSON.createObjectNode();
    json.put("name", r.name());
    json.put("title", r.title());
    json.put("snapshot", r.snapshot());
    json.put("created_at", r.createdAt().toString());
    json.put("created_by", r.createdBy());
    json.put("files", r.files());
    json.put("bytes", r.bytes());
    json.put("manifest_sha256", r.manifestSha256());
    return json;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a staged folder starts with '.' and is never listed as a release
    }
  }
}
