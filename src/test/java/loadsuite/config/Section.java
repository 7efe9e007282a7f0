package loadsuite.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One object of targets.conf (a workload, its goals, the sut block) read with typed getters.
 * Every getter names the key, where it was written and what is expected when the value is
 * missing or wrong, and {@link #rejectUnknownKeys()} catches misspelled keys.
 */
public final class Section {
  private static final Pattern WITH_UNIT = Pattern.compile("\\s*-?\\d+(\\.\\d+)?\\s*[a-zA-Z]+\\s*");

  private final Config config;
  private final String path;
  private final String file;
  private final Set<String> read = new LinkedHashSet<>();

  Section(Config config, String path, String file) {
    this.config = config;
    this.path = path;
    this.file = file;
  }

  /**
   * A section read back from JSON that {@link #json()} wrote (a run's plan.json): keys are never
   * split on dots there, so request names stay whole.
   */
  public static Section fromJson(String json, String path, String file) {
    try {
      return new Section(com.typesafe.config.ConfigFactory.parseString(json,
          com.typesafe.config.ConfigParseOptions.defaults().setSyntax(com.typesafe.config.ConfigSyntax.JSON)), path, file);
    } catch (ConfigException e) {
      throw new TargetsException(file + ": " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The section's values as JSON, as the run read them (overrides applied). */
  public String json() {
    return config.root().render(com.typesafe.config.ConfigRenderOptions.concise());
  }

  public String path() {
    return path;
  }

  public boolean has(String key) {
    read.add(key);
    return config.hasPath(key);
  }

  public String string(String key) {
    return typed(key, "a string", k -> {
      if (config.getValue(k).valueType() == ConfigValueType.OBJECT || config.getValue(k).valueType() == ConfigValueType.LIST) {
        throw new ConfigException.WrongType(config.getValue(k).origin(), k, "STRING", "OBJECT");
      }
      return config.getString(k);
    });
  }

  public Duration duration(String key) {
    Duration d = anyDuration(key, "a duration above zero such as 500ms, 60s, 5m or 4h");
    if (d.isNegative() || d.isZero()) {
      throw error(key, "a duration above zero such as 500ms, 60s, 5m or 4h");
    }
    return d;
  }

  /** A required duration that may be zero, such as a warm-up of 0s. */
  public Duration nonNegativeDuration(String key) {
    Duration d = anyDuration(key, "a duration of zero or more such as 0s or 15s");
    if (d.isNegative()) {
      throw error(key, "a duration of zero or more such as 0s or 15s");
    }
    return d;
  }

  private Duration anyDuration(String key, String expected) {
    return typed(key, expected, k -> {
      // a number without a unit would silently mean milliseconds to Typesafe Config: require one
      if (!WITH_UNIT.matcher(String.valueOf(config.getValue(k).unwrapped())).matches()) {
        throw new ConfigException.BadValue(config.getValue(k).origin(), k, "no unit");
      }
      return config.getDuration(k);
    });
  }

  /**
   * A size in bytes above zero, written with a unit of Typesafe Config's memory sizes: {@code 512KiB},
   * {@code 1MiB}, {@code 4MB} (KiB, MiB, GiB are powers of 1024; kB, MB, GB of 1000).
   */
  public long size(String key) {
    String expected = "a size above zero with a unit such as 512KiB, 1MiB or 4MB";
    long bytes = typed(key, expected, k -> {
      // a number without a unit would silently mean bytes to Typesafe Config: require one
      if (!WITH_UNIT.matcher(String.valueOf(config.getValue(k).unwrapped())).matches()) {
        throw new ConfigException.BadValue(config.getValue(k).origin(), k, "no unit");
      }
      return config.getMemorySize(k).toBytes();
    });
    if (bytes <= 0) {
      throw error(key, expected);
    }
    return bytes;
  }

  public Rate rate(String key) {
    return parsed(key, "a rate above zero such as 1000/s", Rate::parse);
  }

  public DataRate dataRate(String key) {
    return parsed(key, "a data rate above zero such as 125MB/s or 78.4MiB/s (kB, MB, GB of 1000 bytes; KiB, MiB, GiB of 1024)",
        DataRate::parse);
  }

  public Percent percent(String key) {
    return parsed(key, "a percentage between 0% and 100% such as 98%", Percent::parse);
  }

  public int nonNegativeInt(String key) {
    int value = typed(key, "a whole number, 0 or more", config::getInt);
    if (value < 0) {
      throw error(key, "a whole number, 0 or more");
    }
    return value;
  }

  public int positiveInt(String key) {
    int value = typed(key, "a whole number above zero", config::getInt);
    if (value <= 0) {
      throw error(key, "a whole number above zero");
    }
    return value;
  }

  /**
   * Whole numbers above zero: a list {@code [1, 2, 4]}, one number {@code 4}, or, as {@code -D}
   * sets it, a comma-separated text {@code 1,2,4}.
   */
  public List<Integer> positiveInts(String key, String expected) {
    List<String> texts = typed(key, expected, k -> config.getValue(k).valueType() == ConfigValueType.LIST
        ? config.getStringList(k) : List.of(config.getString(k).split(",", -1)));
    try {
      List<Integer> values = texts.stream().map(t -> Integer.parseInt(t.trim())).toList();
      if (values.isEmpty() || values.stream().anyMatch(v -> v <= 0)) {
        throw error(key, expected);
      }
      return values;
    } catch (NumberFormatException e) {
      throw error(key, expected);
    }
  }

  /**
   * A list of strings, such as a container's command {@code [runtime, "127.0.0.1", "{port}"]}; a
   * single string is split at spaces, so that {@code -D} can set it: {@code -Dkey="serve config.yml"}.
   */
  public List<String> stringList(String key) {
    return typed(key, "a list of strings such as [\"serve\", \"/etc/config.yml\"]", k ->
        config.getValue(k).valueType() == ConfigValueType.STRING
            ? List.of(config.getString(k).trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList()
            : config.getStringList(k));
  }

  /** An object of string values, such as a container's environment {@code { NAME = "value" }}. */
  public Map<String, String> stringMap(String key) {
    Section object = section(key);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : object.keys()) {
      values.put(name, object.string("\"" + name + "\""));
    }
    return values;
  }

  public Section section(String key) {
    Config sub = typed(key, "an object { … }", config::getConfig);
    return new Section(sub, qualified(key), file);
  }

  /** The keys of this object, as written (quoted keys such as "GET /simple" stay whole). */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (var entry : config.root().entrySet()) {
      keys.add(entry.getKey());
    }
    return keys;
  }

  /** A child object by its literal key, which may contain dots or spaces ("GET /users/{id}"). */
  public Section child(String literalKey) {
    read.add(literalKey);
    ConfigValue value = config.root().get(literalKey);
    if (value == null || value.valueType() != ConfigValueType.OBJECT) {
      throw error(literalKey, "an object { … }");
    }
    return new Section(((com.typesafe.config.ConfigObject) value).toConfig(), qualified("\"" + literalKey + "\""), file);
  }

  /** Fails on any key that no getter asked for: the usual sign of a misspelling. */
  public void rejectUnknownKeys() {
    for (String key : keys()) {
      if (!read.contains(key)) {
        throw new TargetsException(where(key) + "unknown key '" + qualified(key) + "'; expected one of "
            + String.join(", ", read) + " (check the spelling in " + file + ")");
      }
    }
  }

  public TargetsException error(String key, String expected) {
    String got = config.hasPath(key) ? ", got '" + config.getValue(key).unwrapped() + "'" : "";
    return new TargetsException(where(key) + "'" + qualified(key) + "' must be " + expected + got);
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String where(String key) {
    if (config.hasPath(key)) {
      return config.getValue(key).origin().description() + ": ";
    }
    return file + ": ";
  }

  private <T> T typed(String key, String expected, Function<String, T> getter) {
    read.add(key);
    if (!config.hasPath(key)) {
      throw new TargetsException(file + ": missing key '" + qualified(key) + "': expected " + expected);
    }
    try {
      return getter.apply(key);
    } catch (ConfigException e) {
      throw error(key, expected);
    }
  }

  private <T> T parsed(String key, String expected, Function<String, T> parser) {
    String text = typed(key, expected, k -> config.getValue(k).valueType() == ConfigValueType.STRING ? config.getString(k) : "");
    T value = parser.apply(text);
    if (value == null) {
      throw error(key, expected);
    }
    return value;
  }
}
