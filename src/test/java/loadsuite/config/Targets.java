package loadsuite.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * targets.conf, the one place of every load shape and goal, with the chosen profile and the
 * command line's overrides applied. The file includes one file per system ({@code targets/<system>.conf}),
 * found beside it wherever it is; a missing one stops with one line naming it.
 *
 * <p>Layering, highest first: {@code -D<system>.<workload>.<key>} (relative to the chosen
 * profile), any other {@code -D<path>} (relative to the file's root), the file.
 */
public final class Targets {
  /** System property naming another targets file. */
  public static final String FILE_PROPERTY = "targets";
  /**
   * The key of a profile that holds every sustained workload of every system that long (the soak
   * profile's 4h); {@code -Dsoak-duration=8h} sets it for the chosen profile.
   */
  public static final String SOAK_DURATION = "soak-duration";
  /** The block of the system under test: shared, and a profile may set values of its own. */
  public static final String SUT = "sut";
  /** The key of a profile that lists the workloads a nightly build soaks ({@code <system>.<workload>}), each for soak-duration. */
  public static final String SOAK_WORKLOADS = "soak-workloads";
  /** System property holding values as HOCON text, for keys a property name cannot carry (see {@link #overridesText}). */
  public static final String OVERRIDES_PROPERTY = "overrides";
  /** An include of the file, with or without {@code required(…)}: the file's name. */
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+(?:required\\(\\s*)?\"([^\"]+)\"", Pattern.MULTILINE);

  private final Config root;
  private final Config profile;
  private final String profileName;
  private final String file;

  private Targets(Config root, Config profile, String profileName, String file) {
    this.root = root;
    this.profile = profile;
    this.profileName = profileName;
    this.file = file;
  }

  /** Loads the file named by {@code -Dtargets} (default ./targets.conf) with the JVM's system properties. */
  public static Targets load() {
    Path path = Path.of(System.getProperty(FILE_PROPERTY, "targets.conf"));
    return load(path, System.getProperties());
  }

  public static Targets load(Path path, Properties properties) {
    String file = path.getFileName().toString();
    if (!Files.isRegularFile(path)) {
      throw new TargetsException(path.toAbsolutePath() + " not found: run from the project's root directory,"
          + " or name the file with -D" + FILE_PROPERTY + "=/path/to/targets.conf");
    }
    requireIncludes(path, file);
    Config overrides = ConfigFactory.parseProperties(properties);
    Config fileConfig;
    Config root;
    try {
      // absolute: HOCON finds an include beside the including file only through its parent
      fileConfig = ConfigFactory.parseFile(path.toAbsolutePath().toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      Config rootOverrides = ConfigFactory.empty();
      for (String key : new String[] {"profile", "sut", "baseline", "history", "metrics", "profiles"}) {
        if (overrides.hasPath(key)) {
          rootOverrides = rootOverrides.withFallback(overrides.withOnlyPath(key));
        }
      }
      root = rootOverrides.withFallback(fileConfig).resolve();
    } catch (ConfigException e) {
      throw new TargetsException(file + " cannot be read: " + e.getMessage(), e);
    }
    Section top = new Section(root, "", file);
    String profileName = top.string("profile");
    if (!root.hasPath("profiles") || !root.getValue("profiles").valueType().name().equals("OBJECT")) {
      throw new TargetsException(file + ": missing object 'profiles { smoke { … }, nightly { … } }'");
    }
    Set<String> profiles = new TreeSet<>(root.getConfig("profiles").root().keySet());
    if (!profiles.contains(profileName)) {
      throw new TargetsException("unknown profile '" + profileName + "': " + file + " defines " + String.join(", ", profiles)
          + "; choose one with -Dprofile=<name>");
    }
    Config profile;
    try {
      profile = root.getConfig("profiles." + profileName);
      Set<String> profileKeys = new TreeSet<>(profile.root().keySet());
      profileKeys.add(SOAK_DURATION);
      for (String key : profileKeys) {
        if (overrides.hasPath(key)) {
          profile = overrides.withOnlyPath(key).withFallback(profile);
        }
      }
      Config text = overridesText(properties.getProperty(OVERRIDES_PROPERTY), profileKeys, profileName);
      profile = text.withFallback(profile);
    } catch (ConfigException e) {
      throw new TargetsException(file + ": profile '" + profileName + "': " + e.getMessage(), e);
    }
    return new Targets(root, profile, profileName, file);
  }

  /**
   * Every file the targets file includes must be beside it (HOCON would look for a missing one on
   * the classpath, and ignore it unless required): one line naming the include and where it was looked for.
   */
  private static void requireIncludes(Path path, String file) {
    String text;
    try {
      text = Files.readString(path);
    } catch (java.io.IOException e) {
      throw new TargetsException(path.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
    }
    Matcher include = INCLUDE.matcher(text);
    while (include.find()) {
      Path included = path.toAbsolutePath().getParent().resolve(include.group(1));
      if (!Files.isRegularFile(included)) {
        int line = text.substring(0, include.start(1)).split("\n", -1).length;
        throw new TargetsException(file + ": " + line + ": includes \"" + include.group(1) + "\", which is not at " + included
            + ": keep the targets/ folder beside " + file);
      }
    }
  }

  /**
   * {@code -Doverrides=} holds values as HOCON text relative to the profile, for keys that a
   * property's name cannot carry (Gatling's Maven plugin drops a name with a space):
   * {@code -Doverrides='runtime.sustained.goals."GET /simple".p95 = 10ms, runtime.sustained.rate = 60/s'}.
   */
  private static Config overridesText(String text, Set<String> profileKeys, String profileName) {
    if (text == null || text.isBlank()) {
      return ConfigFactory.empty();
    }
    // Gatling's Maven plugin hands the value to its fork with each quote escaped (\"); HOCON has no
    // backslash outside a quoted string, so the escape is undone here
    text = text.replace("\\\"", "\"");
    Config parsed;
    try {
      parsed = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription("-D" + OVERRIDES_PROPERTY));
    } catch (ConfigException e) {
      throw new TargetsException("-D" + OVERRIDES_PROPERTY + "='" + text + "' is not HOCON: " + e.getMessage()
          + "; write it as -D" + OVERRIDES_PROPERTY + "='runtime.sustained.goals.\"GET /simple\".p95 = 10ms'", e);
    }
    for (String key : parsed.root().keySet()) {
      // the sut block is set with -Dsut.… options, also where a profile holds values of it
      if (!profileKeys.contains(key) || key.equals(SUT)) {
        throw new TargetsException("-D" + OVERRIDES_PROPERTY + " sets '" + key + "', which is not a system of the profile '"
            + profileName + "' (" + String.join(", ", profileKeys) + "); its paths start with a system, such as runtime.sustained.rate");
      }
    }
    return parsed;
  }

  public String profileName() {
    return profileName;
  }

  public String file() {
    return file;
  }

  /** The systems of the chosen profile (runtime, registry, …). */
  public Set<String> systems() {
    Set<String> systems = new TreeSet<>(profile.root().keySet());
    systems.remove(SOAK_DURATION);
    systems.remove(SOAK_WORKLOADS);
    systems.remove(SUT);
    return systems;
  }

  /** The workloads the profile names for soaking, as {@code <system>.<workload>} (none when it names none). */
  public java.util.List<String> soakWorkloads() {
    Section section = new Section(profile, "profiles." + profileName, file);
    return section.has(SOAK_WORKLOADS) ? section.stringList(SOAK_WORKLOADS) : java.util.List.of();
  }

  /** How long every sustained workload is held, when the profile (or {@code -Dsoak-duration=}) says. */
  public Optional<Duration> soakDuration() {
    Section section = new Section(profile, "profiles." + profileName, file);
    return section.has(SOAK_DURATION) ? Optional.of(section.duration(SOAK_DURATION)) : Optional.empty();
  }

  /** The workloads of one system in the chosen profile. */
  public Set<String> workloads(String system) {
    return new TreeSet<>(systemSection(system).keys());
  }

  /** One workload's section, for example {@code runtime.sustained}. */
  public Section workload(String system, String workload) {
    Section systemSection = systemSection(system);
    if (!systemSection.keys().contains(workload)) {
      throw new TargetsException(file + ": profile '" + profileName + "' has no workload '" + system + "." + workload
          + "'; it has " + String.join(", ", systemSection.keys()));
    }
    return systemSection.section(workload);
  }

  /** The {@code sut} block: how to reach the system under test. */
  public Section sut() {
    if (profile.hasPath(SUT)) {
      // a profile's own sut values (a tier's container goals) over the shared ones; -D options over both
      return new Section(profile.withOnlyPath(SUT).withFallback(root.withOnlyPath(SUT)), "", file).section(SUT);
    }
    return new Section(root, "", file).section(SUT);
  }

  /** The {@code baseline} block: the regression gate. */
  public Section baseline() {
    return new Section(root, "", file).section("baseline");
  }

  /** The {@code metrics} block: the live metrics endpoint of a run. */
  public Section metrics() {
    return new Section(root, "", file).section("metrics");
  }

  /** The {@code history} block: where runs are kept for the trend. */
  public Section history() {
    return new Section(root, "", file).section("history");
  }

  private Section systemSection(String system) {
    if (!profile.hasPath(system)) {
      throw new TargetsException(file + ": profile '" + profileName + "' has no system '" + system + "'; it has "
          + String.join(", ", systems()));
    }
    return new Section(profile, "", file).section(system);
  }
}
