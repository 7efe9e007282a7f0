package loadsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loadsuite.container.LocalImages;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the code layered: the shared packages follow the stages of a run, each
 * importing only the stages below it; no package cycles; a system is one package (shared code
 * never imports one, only {@link Systems} knows them all); a stand-in imports nothing but its
 * libraries and the shared stand-in packages, because its container image ships exactly those;
 * every package says in its package-info.java what it is.
 */
class ArchitectureTest {
  /**
   * The shared packages, lowest first: configuration and plumbing, the plan (load, goals), the
   * systems' specs, the system under test, results, merge, and the run (suite), which uses them
   * all. The systems' packages sit above every one of them.
   */
  private static final List<List<String>> STAGES = List.of(
      List.of("loadsuite.config", "loadsuite.http", "loadsuite.log"),
      List.of("loadsuite.standin", "loadsuite.oci"),
      List.of("loadsuite.load"),
      List.of("loadsuite.goals"),
      List.of("loadsuite.live"),
      List.of("loadsuite.system"),
      List.of("loadsuite.sut"),
      List.of("loadsuite.container"),
      List.of("loadsuite.results"),
      List.of("loadsuite.merge"),
      List.of("loadsuite.suite"));
  private static final Path SOURCES = Path.of("src", "test", "java");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.*]+);", Pattern.MULTILINE);
  /** What a stand-in may use besides the shared stand-in packages and its own package. */
  private static final List<String> STAND_IN_LIBRARIES = List.of("java.", "javax.", "io.undertow.", "org.xnio.",
      "com.fasterxml.jackson.", "org.sqlite.");

  private record Source(Path file, String pkg, List<String> imports) {
    boolean isTest() {
      return LocalImages.TEST_CLASS.matcher(file.getFileName().toString().replace(".java", ".class")).matches();
    }
  }

  private static List<Source> sources() throws IOException {
    List<Source> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          imports.add(m.group(1));
        }
        all.add(new Source(file, pkg, imports));
      }
    }
    return all;
  }

  private static List<String> systemPackages() {
    return SystemCatalog.all().stream().map(SystemSpec::name).map(name -> "loadsuite." + name).toList();
  }

  private static boolean within(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  @Test
  void sharedPackagesNeverImportASystemsPackage() throws IOException {
    List<String> systems = systemPackages();
    List<String> violations = new ArrayList<>();
    for (Source source : sources()) {
      boolean shared = !source.pkg().equals("loadsuite") && systems.stream().noneMatch(s -> within(source.pkg(), s));
      if (shared) {
        source.imports().stream().filter(i -> systems.stream().anyMatch(s -> within(i, s)))
            .forEach(i -> violations.add(source.file() + " imports " + i));
      }
    }
    assertThat(violations).isEmpty();
    assertThat(sources()).as("the check reads the sources").anySatisfy(s -> assertThat(s.pkg()).isEqualTo("loadsuite.suite"));
  }

  @Test
  void eachSharedPackageImportsOnlyTheStagesBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    List<Source> staged = sources().stream().filter(s -> !s.isTest() && stage(s.pkg()) >= 0).toList();
    for (Source source : staged) {
      source.imports().stream().filter(i -> i.startsWith("loadsuite.")).map(ArchitectureTest::packageOf)
          .filter(imported -> !imported.equals(source.pkg()) && stage(imported) >= stage(source.pkg()))
          .forEach(imported -> violations.add(source.file() + " (stage " + stage(source.pkg()) + ") imports " + imported
              + (stage(imported) < 0 ? ", a system's package" : " (stage " + stage(imported) + ")")));
    }
    assertThat(violations).isEmpty();
    List<String> packages = sources().stream().filter(s -> !s.isTest() && !s.file().endsWith("package-info.java")).map(Source::pkg)
        .distinct().toList();
    List<String> systems = systemPackages();
    assertThat(packages).as("every package is a stage, a system (or its stand-in), or the top")
        .allMatch(p -> p.equals("loadsuite") || stage(p) >= 0 || systems.stream().anyMatch(s -> within(p, s)));
    assertThat(staged).as("the check reads the shared packages").extracting(Source::pkg).contains("loadsuite.results", "loadsuite.goals");
  }

  @Test
  void noPackagesDependOnEachOtherInACycle() throws IOException {
    Map<String, Set<String>> imports = new TreeMap<>();
    for (Source source : sources().stream().filter(s -> !s.isTest()).toList()) {
      Set<String> own = imports.computeIfAbsent(source.pkg(), p -> new TreeSet<>());
      source.imports().stream().filter(i -> i.startsWith("loadsuite.")).map(ArchitectureTest::packageOf)
          .filter(p -> !p.equals(source.pkg())).forEach(own::add);
    }
    for (String pkg : imports.keySet()) {
      assertThat(reachable(imports, pkg)).as(pkg + " reaches itself through its imports").doesNotContain(pkg);
    }
  }

  @Test
  void everyPackageSaysWhatItIsInItsPackageInfo() throws IOException {
    List<String> packages = sources().stream().map(Source::pkg).distinct().toList();
    for (String pkg : packages) {
      Path info = SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java");
      assertThat(info).as(pkg).isRegularFile();
      assertThat(Files.readString(info)).as(info.toString()).startsWith("/** ").contains("package " + pkg + ";");
    }
  }

  private static int stage(String pkg) {
    for (int i = 0; i < STAGES.size(); i++) {
      if (STAGES.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  /** The package of an imported class (a static import's class's package too). */
  private static String packageOf(String imported) {
    String[] parts = imported.split("\\.");
    int i = 0;
    while (i < parts.length && !Character.isUpperCase(parts[i].charAt(0))) {
      i++;
    }
    return String.join(".", java.util.Arrays.copyOf(parts, i));
  }

  private static Set<String> reachable(Map<String, Set<String>> imports, String from) {
    Set<String> seen = new TreeSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(imports.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(imports.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  @Test
  void aStandInUsesOnlyItsLibrariesAndTheSharedStandInPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    List<Source> standIns = sources().stream().filter(s -> s.pkg().endsWith(".standin") && !s.isTest()).toList();
    for (Source source : standIns) {
      for (String imported : source.imports()) {
        boolean allowed = STAND_IN_LIBRARIES.stream().anyMatch(imported::startsWith)
            || LocalImages.SHARED_PACKAGES.stream().anyMatch(p -> within(imported, p))
            || within(imported, source.pkg());
        if (!allowed) {
          violations.add(source.file() + " imports " + imported);
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(standIns).as("every system's stand-in is checked")
        .extracting(Source::pkg).contains("loadsuite.runtime.standin", "loadsuite.registry.standin", "loadsuite.standin");
  }

  @Test
  void theSharedStandInPackagesUseOnlyStandInLibraries() throws IOException {
    for (Source source : sources().stream().filter(s -> LocalImages.SHARED_PACKAGES.contains(s.pkg()) && !s.isTest()).toList()) {
      assertThat(source.imports()).as(source.file().toString()).allMatch(i -> STAND_IN_LIBRARIES.stream().anyMatch(i::startsWith)
          || LocalImages.SHARED_PACKAGES.stream().anyMatch(p -> within(i, p)));
    }
  }

  @Test
  void everySimulationClassIsDeclaredByItsSystem() throws IOException {
    List<String> declared = SystemCatalog.all().stream().flatMap(s -> s.simulations().stream()).map(Class::getName).toList();
    List<String> found = sources().stream()
        .filter(s -> s.file().getFileName().toString().endsWith("Simulation.java"))
        .map(s -> s.pkg() + "." + s.file().getFileName().toString().replace(".java", ""))
        .filter(name -> !name.endsWith(".SuiteSimulation") && !isAbstract(name))
        .toList();
    assertThat(declared).containsExactlyInAnyOrderElementsOf(found);
  }

  private static boolean isAbstract(String className) {
    try {
      return java.lang.reflect.Modifier.isAbstract(Class.forName(className).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
