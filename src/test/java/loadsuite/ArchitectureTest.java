package loadsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loadsuite.container.LocalImages;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep a system one package: shared code never imports a system's package (only
 * {@link Systems} knows them all), and a stand-in imports nothing but its libraries and the shared
 * stand-in packages, because its container image ships exactly those.
 */
class ArchitectureTest {
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
