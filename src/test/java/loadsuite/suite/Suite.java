package loadsuite.suite;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import loadsuite.config.DroppedOverrides;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.goals.Goal;
import loadsuite.goals.Held;
import loadsuite.live.MetricsSettings;
import loadsuite.live.StopCriterion;
import loadsuite.load.Injector;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.results.RunPlan;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import loadsuite.system.WorkloadSpec;

/** targets.conf read and validated once per JVM against every system of the suite, and the plan of each workload. */
public final class Suite {
  /**
   * A workload as read from targets.conf, with its goals; {@code settings} are its keys as JSON, as
   * the run reads them (overrides and the soak duration applied), which the run's plan.json keeps;
   * {@code stopWhen}: its stop criteria (none without a {@code stop-when} block).
   */
  public record Plan(Workload workload, List<Goal> goals, List<StopCriterion> stopWhen, String settings) {}

  /** A workload's stop criteria. */
  public static final String STOP_WHEN = "stop-when";

  private static Targets targets;

  private Suite() {}

  public static synchronized Targets targets() {
    if (targets == null) {
      DroppedOverrides.check(System.getProperties(), optionRoots());
      Targets loaded = Targets.load();
      validate(loaded, SystemCatalog.all());
      targets = loaded;
    }
    return targets;
  }

  /** The first segments of the suite's {@code -D} options: every option whose name starts with one is the suite's. */
  public static Set<String> optionRoots() {
    Set<String> roots = new TreeSet<>(Set.of("profile", "profiles", "sut", "baseline", "history", "metrics", Targets.SOAK_DURATION, Injector.PROPERTY));
    SystemCatalog.all().forEach(s -> roots.add(s.name()));
    return roots;
  }

  /** The options of this run that set values of targets.conf ({@code -Druntime.sustained.rate=…}, {@code -Doverrides}), for its plan. */
  public static Map<String, String> options(Properties properties) {
    Set<String> roots = optionRoots();
    roots.addAll(Set.of(Targets.OVERRIDES_PROPERTY, Targets.FILE_PROPERTY));
    Map<String, String> options = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (roots.contains(key.split("[.\"]", 2)[0])) {
        options.put(key, properties.getProperty(key));
      }
    }
    return options;
  }

  /** The suite's revision (git describe of the working tree, when it is a checkout) and Gatling's version. */
  public static RunPlan.Versions versions() {
    return new RunPlan.Versions(Revision.describe(), io.gatling.commons.util.GatlingVersion.ThisVersion().fullVersion());
  }

  /** The plan this JVM runs: the whole workload, or this injector's share of it ({@code -Dinjector}). */
  public static Plan plan(SystemSpec system, WorkloadSpec workload) {
    Plan whole = plan(targets(), system, workload.name());
    Injector injector = Injector.current();
    return new Plan(injector.share(whole.workload()), whole.goals().stream().map(g -> g.sharedBy(injector, whole.workload())).toList(),
        whole.stopWhen(), whole.settings());
  }

  /** A workload's plan from already loaded targets. */
  public static Plan plan(Targets targets, SystemSpec system, String workload) {
    Section section = targets.workload(system.name(), workload);
    return read(section, system.workload(workload, section), targets.soakDuration());
  }

  /**
   * Reads every workload of the chosen profile with its system's keys, so that a mistake anywhere
   * (an unknown system or workload, a key of another system, a missing key) stops any run.
   */
  public static void validate(Targets targets, List<SystemSpec> systems) {
    MetricsSettings.read(targets.metrics());
    targets.soakDuration();
    for (String name : targets.systems()) {
      SystemSpec system = systems.stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new TargetsException(targets.file() + ": profile '" + targets.profileName() + "' has a block for '"
              + name + "', which is not a system of the suite; the systems are "
              + systems.stream().map(SystemSpec::name).collect(Collectors.joining(", "))));
      for (String workload : targets.workloads(name)) {
        Section section = targets.workload(name, workload);
        read(section, system.workload(workload, section), targets.soakDuration());
      }
    }
    for (String soaked : targets.soakWorkloads()) {
      String[] parts = soaked.split("\\.", 2);
      if (parts.length != 2 || !targets.systems().contains(parts[0]) || !targets.workloads(parts[0]).contains(parts[1])) {
        throw new TargetsException(targets.file() + ": profile '" + targets.profileName() + "': " + Targets.SOAK_WORKLOADS + " names '"
            + soaked + "', which is no workload of the profile; name each as <system>.<workload>, such as runtime.sustained");
      }
      if (!(loadsuite.load.Shape.read(targets.workload(parts[0], parts[1])) instanceof loadsuite.load.Shape.Sustained)) {
        throw new TargetsException(targets.file() + ": profile '" + targets.profileName() + "': " + Targets.SOAK_WORKLOADS + " names '"
            + soaked + "', which is not sustained: soak-duration holds only sustained workloads; name a sustained one");
      }
    }
  }

  private static Plan read(Section section, WorkloadSpec spec, java.util.Optional<java.time.Duration> soakDuration) {
    Workload workload = Workload.read(section, spec.keys(), soakDuration);
    Section goalsSection = section.section("goals");
    List<Goal> goals = Goal.readAll(goalsSection);
    Held.readAll(goalsSection, goals);
    List<StopCriterion> stopWhen = section.has(STOP_WHEN) ? StopCriterion.readAll(section.section(STOP_WHEN)) : List.of();
    section.rejectUnknownKeys();
    String settings = section.json();
    if (soakDuration.isPresent() && workload.shape() instanceof Shape.Sustained) {
      // held for the soak: the plan says how long it ran
      settings = ConfigFactory.parseString(settings).withValue("duration", ConfigValueFactory.fromAnyRef(soakDuration.get().toMillis() + "ms"))
          .root().render(ConfigRenderOptions.concise());
    }
    return new Plan(workload, goals, stopWhen, settings);
  }
}
