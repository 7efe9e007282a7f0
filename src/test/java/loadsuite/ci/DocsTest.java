package loadsuite.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loadsuite.config.Targets;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ stay true to the code: a short README whose table names every simulation,
 * links that lead somewhere, every option the code reads and every key targets.conf has documented,
 * and a page per system.
 */
class DocsTest {
  private static final Path README = Path.of("README.md");
  private static final Path DOCS = Path.of("docs");
  private static final Path CONFIGURATION = DOCS.resolve("configuration.md");
  private static final Path SEED_TARGETS = DOCS.resolve("seed-targets.md");
  private static final int README_MAX_LINES = 200;
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\\s*(?:\"([^\"]+)\"|(?:([A-Z]\\w*)\\.)?([A-Z_]+)\\b)");
  private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\"");

  @Test
  void theReadmeIsShort() throws IOException {
    assertThat(Files.readAllLines(README)).as("README.md lines; the rest belongs in docs/").hasSizeLessThanOrEqualTo(README_MAX_LINES);
  }

  @Test
  void theReadmesTableNamesEverySimulation() throws IOException {
    List<String> rows = Files.readAllLines(README).stream().filter(l -> l.startsWith("| `loadsuite.")).toList();
    List<String> simulations = SystemCatalog.all().stream().flatMap(s -> s.simulations().stream()).map(Class::getName).toList();
    assertThat(simulations).hasSizeGreaterThan(30);
    for (String simulation : simulations) {
      assertThat(rows).as("the README's simulation table names " + simulation).anyMatch(r -> r.startsWith("| `" + simulation + "` |"));
    }
    assertThat(rows).as("the table names only simulations of the suite").hasSameSizeAs(simulations);
  }

  @Test
  void everyRelativeLinkLeadsToAFileAndItsHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages()) {
      Matcher link = LINK.matcher(Files.readString(page));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue;
        }
        links++;
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(page + ": " + target + " (no " + resolved + ")");
        } else if (!anchor.isEmpty() && !anchors(resolved).contains(anchor)) {
          broken.add(page + ": " + target + " (no heading #" + anchor + " in " + resolved.getFileName() + ")");
        }
      }
    }
    assertThat(links).isGreaterThan(20);
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  /** Every {@code -D} option the code reads, found in the code, is documented in the README or docs/configuration.md. */
  @Test
  void everyOptionTheCodeReadsIsDocumented() throws IOException {
    String documented = Files.readString(README) + Files.readString(CONFIGURATION);
    Set<String> options = optionsReadByTheCode();
    assertThat(options).contains(Targets.FILE_PROPERTY, Targets.OVERRIDES_PROPERTY);
    options.add(Targets.SOAK_DURATION);
    options.addAll(sharedSettings());
    List<String> undocumented = options.stream().filter(o -> !documented.contains("-D" + o + "=")).toList();
    assertThat(undocumented).as("options the code reads that neither README.md nor docs/configuration.md documents as -D<option>=")
        .isEmpty();
  }

  /** Every key of every workload of every profile, and every goal metric, is in docs/configuration.md. */
  @Test
  void everyKeyOfTheWorkloadsIsDocumented() throws IOException {
    String documented = Files.readString(CONFIGURATION);
    Config profiles = targetsFile().getConfig("profiles");
    Set<String> keys = new TreeSet<>();
    for (String profile : profiles.root().keySet()) {
      for (Map.Entry<String, ConfigValue> system : profiles.getConfig(profile).root().entrySet()) {
        if (system.getValue().valueType() != ConfigValueType.OBJECT || system.getKey().equals(loadsuite.config.Targets.SUT)) {
          continue;
        }
        for (ConfigValue workload : ((ConfigObject) system.getValue()).values()) {
          Config w = ((ConfigObject) workload).toConfig();
          keys.addAll(((ConfigObject) workload).keySet());
          for (ConfigValue scope : w.getObject("goals").values()) {
            ((ConfigObject) scope).toConfig().entrySet().forEach(goal -> keys.add(goal.getKey()));
          }
        }
      }
    }
    assertThat(keys).contains("shape", "goals", "p95", "lag.p99", "data-rate", "bundle-size");
    assertThat(keys.stream().filter(k -> !documented.contains("`" + k + "`")).toList())
        .as("keys of targets.conf that docs/configuration.md does not name").isEmpty();
  }

  /** Each system has its file under targets/, included by targets.conf, and its page naming its workloads and simulations. */
  @Test
  void everySystemHasItsFileAndItsPage() throws IOException {
    String targets = Files.readString(Path.of("targets.conf"));
    Config nightly = targetsFile().getConfig("profiles.nightly");
    for (SystemSpec system : SystemCatalog.all()) {
      assertThat(Path.of("targets", system.name() + ".conf")).isRegularFile();
      assertThat(targets).contains("include required(\"targets/" + system.name() + ".conf\")");
      Path page = DOCS.resolve(system.name() + ".md");
      assertThat(page).isRegularFile();
      String text = Files.readString(page);
      for (String workload : nightly.getObject(system.name()).keySet()) {
        assertThat(text).as(page + " names the workload " + workload).contains("`" + workload + "`");
      }
      system.simulations().forEach(s -> assertThat(text).as(page + " names " + s.getSimpleName()).contains(s.getSimpleName()));
      assertThat(text).as(page + " maps the goals to their seed").contains("seed target").contains("../shared/seeds/");
    }
  }

  /**
   * docs/seed-targets.md names, for every seed target it gates, a key of targets.conf and its
   * value at the nightly profile: the key (under the profile, or a full path for the shared
   * settings {@code sut.}, {@code baseline.}, {@code profiles.}) exists and has that value.
   */
  @Test
  void theSeedTargetsPageNamesGoalKeysOfTheNightlyProfileWithTheirValues() throws IOException {
    Config root = targetsFile();
    Config nightly = root.getConfig("profiles.nightly");
    Pattern code = Pattern.compile("`([^`]+)`");
    List<String> wrong = new ArrayList<>();
    int keys = 0;
    boolean inTable = false;
    for (String line : Files.readAllLines(SEED_TARGETS)) {
      if (line.startsWith("## ")) {
        inTable = line.equals("## Checkable targets");
        continue;
      }
      if (!inTable || !line.startsWith("| ") || line.startsWith("| system |")) {
        continue;
      }
      String[] cells = line.split(" \\| ");
      assertThat(cells).as("a row of six cells: " + line).hasSize(6);
      Matcher key = code.matcher(cells[3]);
      if (!key.find()) {
        assertThat(cells[3]).as("a row without a goal key says so: " + line).isEqualTo("—");
        continue;
      }
      keys++;
      String path = key.group(1);
      boolean shared = path.startsWith("sut.") || path.startsWith("baseline.") || path.startsWith("profiles.");
      Config config = shared ? root : nightly;
      if (!config.hasPath(path)) {
        wrong.add(path + ": no such key" + (shared ? " in targets.conf" : " at the nightly profile"));
        continue;
      }
      Matcher value = code.matcher(cells[4]);
      String actual = String.valueOf(config.getValue(path).unwrapped());
      if (!value.find() || !value.group(1).equals(actual)) {
        wrong.add(path + ": the page says " + cells[4] + ", targets.conf has " + actual);
      }
    }
    assertThat(keys).isGreaterThan(50);
    assertThat(wrong).as("goal keys of docs/seed-targets.md").isEmpty();
  }

  private static Config targetsFile() {
    return ConfigFactory.parseFile(Path.of("targets.conf").toAbsolutePath().toFile()).resolve();
  }

  /**
   * The shared settings of targets.conf (outside the profiles), as the options that set them: a
   * system's name is {@code <system>} (a service of a system of several is part of it), a
   * container's environment variable {@code <NAME>}, a credential {@code <name>}.
   */
  private static Set<String> sharedSettings() {
    Set<String> systems = new TreeSet<>();
    SystemCatalog.all().forEach(s -> systems.add(s.name()));
    Set<String> services = new TreeSet<>();
    SystemCatalog.all().stream().filter(s -> !s.hasOneService()).forEach(s -> services.addAll(s.serviceNames()));
    Set<String> settings = new TreeSet<>();
    for (Map.Entry<String, ConfigValue> entry : targetsFile().entrySet()) {
      List<String> path = new ArrayList<>(com.typesafe.config.ConfigUtil.splitPath(entry.getKey()));
      if (path.get(0).equals("profiles")) {
        continue;
      }
      for (int i = 1; i < path.size(); i++) {
        if (systems.contains(path.get(i)) && (path.get(i - 1).equals("container") || path.get(i - 1).equals("credentials"))) {
          boolean credential = path.get(i - 1).equals("credentials");
          path.set(i, "<system>");
          if (i + 1 < path.size() && services.contains(path.get(i + 1))) {
            path.remove(i + 1);
          }
          if (credential) {
            path.subList(i + 1, path.size()).clear();
            path.add("<name>");
          }
        }
        if (path.get(i - 1).equals("env")) {
          path.set(i, "<NAME>");
        }
      }
      settings.add(String.join(".", path));
    }
    assertThat(settings).contains("profile", "sut.mode", "sut.container.<system>.image.public", "sut.container.<system>.env.<NAME>",
        "sut.credentials.<system>.<name>", "baseline.threshold", "history.keep");
    return settings;
  }

  /**
   * The system properties the code reads by name (a literal, a constant of the same class, or
   * {@code Class.CONSTANT}), but the JDK's own.
   */
  private static Set<String> optionsReadByTheCode() throws IOException {
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
      }
    }
    Set<String> options = new TreeSet<>();
    sources.values().forEach(source -> {
      Matcher read = GET_PROPERTY.matcher(source);
      while (read.find()) {
        String owner = read.group(2) != null ? sources.get(read.group(2)) : source;
        String name = read.group(1) != null ? read.group(1) : owner == null ? null : constantsOf(owner).get(read.group(3));
        assertThat(name).as("the value of the constant " + read.group(3) + " read at " + read.group()).isNotNull();
        if (!name.startsWith("java.") && !name.startsWith("user.") && !name.startsWith("os.")) {
          options.add(name);
        }
      }
    });
    return options;
  }

  private static Map<String, String> constantsOf(String source) {
    Map<String, String> constants = new HashMap<>();
    Matcher constant = CONSTANT.matcher(source);
    while (constant.find()) {
      constants.put(constant.group(1), constant.group(2));
    }
    return constants;
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(DOCS)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The anchors of a Markdown file's headings, as GitHub makes them. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new TreeSet<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.matches("#{1,6} .*")) {
        anchors.add(line.replaceFirst("#+ ", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
