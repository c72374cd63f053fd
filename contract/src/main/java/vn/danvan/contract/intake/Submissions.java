package vn.danvan.contract.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.Table;

/**
 * The files people submit for loading ({@code LAKE/submissions/}, beside the snapshots, never
 * inside one), each kept unchanged with its SHA-256, size, submitter, scope and time:
 *
 * <pre>
 * submissions/&lt;id&gt;/submission.json   who, when, which files (name, table, sha256, bytes)
 * submissions/&lt;id&gt;/files/&lt;name&gt;       the bytes as submitted
 * submissions/&lt;id&gt;/refused.json      only when a load refused it whole, with the reason
 * </pre>
 *
 * <p>A submission's state is not stored: it is derived. It is loaded when a published snapshot's
 * load report lists it (CURRENT's report or one of its ancestors', following {@code previous}),
 * so the atomic switch of CURRENT that publishes a load is what marks its submissions loaded, and a
 * load that fails or is killed leaves them pending. It is refused when its refusal record exists;
 * else pending. The id is derived from the files' contents: the same bytes submitted twice are
 * one submission, stored and loaded once.
 *
 * <p>Writes are atomic (a folder made under a temporary name, then renamed; a file written then
 * renamed) and private: folders 0700, files 0600, as the accounts in {@code access/}.
 */
public final class Submissions {
  static final String META = "submission.json";
  static final String FILES = "files";
  static final String REFUSED = "refused.json";
  /** Where a submission was loaded, written when the snapshot that says so is removed (lake gc). */
  static final String LOADED = "loaded.json";
  private static final String INCOMING = ".incoming-";
  private static final Pattern ID = Pattern.compile("sub-[0-9a-f]{24}");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> EXTENSIONS = List.of(".csv", ".jsonl", ".ndjson", ".json", ".xlsx");

  private final Lake lake;

  private Submissions(Lake lake) {
    this.lake = lake;
  }

  /** The submissions of a lake (the folder is made by the first submission). */
  public static Submissions of(Lake lake) {
    return new Submissions(Objects.requireNonNull(lake, "lake"));
  }

  /** The lake's folder of submissions. */
  public Path dir() {
    return lake.submissionsDir();
  }

  /**
   * Stores the files unchanged as one submission, or returns the stored one when the same files
   * (the same bytes, whatever their names) were submitted before.
   *
   * @param files the files; each name must start with the folder name of its table ({@link #tableOf})
   * @param acceptedProblems problems of the dry run the submitter leaves to quarantine (0 or more)
   * @throws IllegalArgumentException when there is no file, a name names no table or is repeated,
   *     a file is empty or of a format the load does not read
   */
  public Submission submit(List<Path> files, String submitter, String scope, Instant at,
      int acceptedProblems) {
    Objects.requireNonNull(files, "files");
    requireText(submitter, "submitter");
    requireText(scope, "scope");
    Objects.requireNonNull(at, "at");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a submission needs at least one file");
    }
    if (acceptedProblems < 0) {
      throw new IllegalArgumentException("accepted problems cannot be negative: " + acceptedProblems);
    }
    Set<String> names = new HashSet<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("two files are named " + name + " in one submission");
      }
      requireLoadable(name);
    }
    Path root = dir();
    Path incoming = root.resolve(INCOMING + UUID.randomUUID());
    try {
      createPrivateDirs(incoming.resolve(FILES));
      List<Submission.File> stored = new ArrayList<>();
      for (Path f : files) {
        stored.add(copy(f, incoming.resolve(FILES).resolve(f.getFileName().toString())));
      }
      String id = idOf(stored);
      Path target = root.resolve(id);
      if (Files.isRegularFile(target.resolve(META))) {
        deleteTree(incoming);
        return find(id).orElseThrow();
      }
      Submission submission = new Submission(id, submitter, scope, at, acceptedProblems, stored,
          SubmissionState.PENDING, null, Map.of(), null);
      writePrivate(incoming.resolve(META), JSON.writeValueAsBytes(toJson(submission)));
      try {
        Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        // the same files were stored by another request meanwhile: that one is the submission
        deleteTree(incoming);
      }
      return find(id).orElseThrow(() -> new IllegalStateException("submission " + id + " was not stored"));
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(incoming);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException("cannot store the submission in " + root + ": " + e.getMessage(),
          (IOException) e);
    }
  }

  /** Every submission, oldest first, with its derived state. */
  public List<Submission> list() {
    Map<String, Loaded> loaded = loaded();
    List<Submission> out = new ArrayList<>();
    for (String id : ids()) {
      read(id, loaded).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::id));
    return List.copyOf(out);
  }

  public Optional<Submission> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return read(id, loaded());
  }

  /** The submissions the next {@code load --submissions} loads, oldest first. */
  public List<Submission> pending() {
    return list().stream().filter(s -> s.state() == SubmissionState.PENDING).toList();
  }

  /** The submissions of one account, oldest first (what its submitter is shown). */
  public List<Submission> bySubmitter(String login) {
    return list().stream().filter(s -> s.submitter().equals(login)).toList();
  }

  /** Where a submitted file's bytes are kept (read them; never change them). */
  public Path file(Submission submission, Submission.File file) {
    if (!submission.files().contains(file)) {
      throw new IllegalArgumentException(file.name() + " is not a file of submission " + submission.id());
    }
    return dir().resolve(submission.id()).resolve(FILES).resolve(file.name());
  }

  /**
   * Records that a load refused a pending submission whole (nothing of it written), with the
   * reason its submitter is shown. A refused submission is never loaded.
   *
   * @throws IllegalStateException when the submission is not pending
   */
  public Submission refuse(String id, String reason, Instant at) {
    requireText(reason, "reason");
    Submission s = find(id).orElseThrow(() -> new IllegalArgumentException("no submission " + id));
    if (s.state() != SubmissionState.PENDING) {
      throw new IllegalStateException("submission " + id + " is " + s.state().code() + ", not pending");
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("reason", reason);
    json.put("refused_at", at.toString());
    try {
      writePrivate(dir().resolve(id).resolve(REFUSED), JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the refusal of " + id + ": " + e.getMessage(), e);
    }
    return find(id).orElseThrow();
  }

  /**
   * The table a submitted file is for, from its name: the contract's table folder that the name
   * starts with ({@code report_values.xlsx}, {@code activities-2024-Q1.csv}; the longest when
   * several do, so {@code campaign_targets.csv} is not {@code campaigns}).
   */
  public static Optional<Table> tableOf(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    Table best = null;
    for (Table t : Table.values()) {
      String folder = t.folder();
      boolean starts = name.startsWith(folder)
          && (name.length() == folder.length() || !Character.isLetter(name.charAt(folder.length())));
      if (starts && (best == null || folder.length() > best.folder().length())) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  private static void requireLoadable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith(".") || name.startsWith("_") || EXTENSIONS.stream().noneMatch(lower::endsWith)) {
      throw new IllegalArgumentException(name + ": a submitted file is a .csv, .jsonl, .ndjson, .json or"
          + " .xlsx file whose name does not start with '.' or '_'");
    }
    if (tableOf(name).isEmpty()) {
      throw new IllegalArgumentException(name + ": the name must start with the table it is for ("
          + String.join(", ", Stream.of(Table.values()).map(Table::folder).toList())
          + "), e.g. report_values-2024.xlsx");
    }
  }

  private static Submission.File copy(Path from, Path to) throws IOException {
    MessageDigest sha = sha256();
    long bytes;
    try (InputStream in = Files.newInputStream(from);
         OutputStream out = new DigestOutputStream(newPrivateFile(to), sha)) {
      bytes = in.transferTo(out);
    }
    String name = from.getFileName().toString();
    if (bytes == 0) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return new Submission.File(name, tableOf(name).orElseThrow(), HexFormat.of().formatHex(sha.digest()), bytes);
  }

  /** The id of a set of files: their contents only, in any order. */
  static String idOf(List<Submission.File> files) {
    MessageDigest sha = sha256();
    files.stream().map(Submission.File::sha256).sorted()
        .forEach(h -> sha.update((h + "\n").getBytes(StandardCharsets.US_ASCII)));
    return "sub-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
  }

  private List<String> ids() {
    if (!Files.isDirectory(dir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(dir())) {
      return dirs.map(p -> p.getFileName().toString()).filter(n -> ID.matcher(n).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir() + ": " + e.getMessage(), e);
    }
  }

  private Optional<Submission> read(String id, Map<String, Loaded> loaded) {
    Path folder = dir().resolve(id);
    Path meta = folder.resolve(META);
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    try {
      Submission s = fromJson(JSON.readTree(meta.toFile()));
      Path refused = folder.resolve(REFUSED);
      Loaded l = loaded.get(id);
      Path kept = folder.resolve(LOADED);
      if (l == null && Files.isRegularFile(kept)) {
        JsonNode json = JSON.readTree(kept.toFile());
        l = new Loaded(json.path("snapshot").asText(), LoadReport.submissions(json).get(id));
      }
      if (l != null) {
        return Optional.of(s.in(SubmissionState.LOADED, l.snapshot(), l.counts(), null));
      }
      if (Files.isRegularFile(refused)) {
        return Optional.of(s.in(SubmissionState.REFUSED, null, Map.of(),
            JSON.readTree(refused.toFile()).path("reason").asText("")));
      }
      return Optional.of(s);
    } catch (IOException | RuntimeException e) {
      throw new LakeException("cannot read submission " + id + " in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Before a clean-up removes {@code snapshots}, keeps beside each submission one of them loaded
   * where and how it was loaded ({@value #LOADED}): a submission's state is read from the published
   * snapshots' reports, and one that is gone must not make it pending (and loaded) again.
   */
  public void keepLoadedFrom(Set<String> snapshots) {
    loaded().forEach((sub, l) -> {
      Path folder = dir().resolve(sub);
      if (!snapshots.contains(l.snapshot()) || !Files.isDirectory(folder) || Files.exists(folder.resolve(LOADED))) {
        return;
      }
      ObjectNode json = JSON.createObjectNode();
      json.put("snapshot", l.snapshot());
      ObjectNode tables = json.putObject(LoadReport.SUBMISSIONS).putObject(sub);
      l.counts().forEach((t, c) -> tables.putObject(t.folder()).put("read", c.read()).put("landed", c.landed())
          .put("quarantined", c.quarantined()));
      try {
        writePrivate(folder.resolve(LOADED), JSON.writeValueAsBytes(json));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep where " + sub + " was loaded: " + e.getMessage(), e);
      }
    });
  }

  /** Where a submission was loaded: the snapshot and its rows per table. */
  private record Loaded(String snapshot, Map<Table, RowCounts> counts) {}

  /**
   * The submissions the published snapshots loaded: CURRENT's report, then its {@code previous}'s,
   * and so on (an import that copies a report forward does not load; the earliest listing wins).
   */
  private Map<String, Loaded> loaded() {
    Map<String, Loaded> out = new HashMap<>();
    Set<String> seen = new HashSet<>();
    Optional<String> next = lake.current();
    while (next.isPresent() && seen.add(next.get())) {
      SnapshotRef ref = lake.ref(next.get());
      if (!Files.isDirectory(ref.dir())) {
        break;
      }
      Optional<JsonNode> report = lake.loadReport(ref);
      if (report.isEmpty()) {
        break;
      }
      String id = ref.id();
      LoadReport.submissions(report.get()).forEach((sub, counts) -> out.put(sub, new Loaded(id, counts)));
      JsonNode previous = report.get().path("previous");
      next = previous.isTextual() ? Optional.of(previous.asText()) : Optional.empty();
    }
    return out;
  }

  private static ObjectNode toJson(Submission s) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", s.id());
    json.put("submitter", s.submitter());
    json.put("scope", s.scope());
    json.put("submitted_at", s.submittedAt().toString());
    json.put("accepted_problems", s.acceptedProblems());
    var files = json.putArray("files");
    for (Submission.File f : s.files()) {
      files.addObject().put("name", f.name()).put("table", f.table().folder()).put("sha256", f.sha256())
          .put("bytes", f.bytes());
    }
    return json;
  }

  private static Submission fromJson(JsonNode json) {
    List<Submission.File> files = new ArrayList<>();
    for (JsonNode f : json.path("files")) {
      String table = f.path("table").asText();
      files.add(new Submission.File(f.path("name").asText(), Table.forFolder(table).orElseThrow(
          () -> new IllegalStateException("unknown table " + table)), f.path("sha256").asText(), f.path("bytes").asLong()));
    }
    return new Submission(json.path("id").asText(), json.path("submitter").asText(), json.path("scope").asText(),
        Instant.parse(json.path("submitted_at").asText()), json.path("accepted_problems").asInt(), files,
        SubmissionState.PENDING, null, Map.of(), null);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static void createPrivateDirs(Path dir) throws IOException {
    List<Path> made = new ArrayList<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      made.add(0, p);
    }
    Files.createDirectories(dir);
    if (posix()) {
      for (Path p : made) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  private static OutputStream newPrivateFile(Path file) throws IOException {
    if (posix()) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    return Files.newOutputStream(file);
  }

  /** Writes a file whole under a temporary name, then renames it into place. */
  private static void writePrivate(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = newPrivateFile(tmp)) {
      out.write(content);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
