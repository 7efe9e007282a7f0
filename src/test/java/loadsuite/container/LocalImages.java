package loadsuite.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.system.Service;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import loadsuite.sut.SutUnavailableException;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds the systems' container images: {@code ./mvnw test-compile exec:java@images
 * -Dsut.container.images=local|public}.
 * <ul>
 *   <li>local, with nothing pulled: a Java runtime linked from this JDK ({@code jlink}) FROM
 *       scratch; CNCF Distribution from Debian's {@code docker-registry} binary; each stand-in
 *       on that runtime;</li>
 *   <li>public: each stand-in on {@code sut.container.jre-image} (pulled when missing).</li>
 * </ul>
 * FROM scratch images carry the shared libraries {@code ldd} lists, a minimal /etc/passwd and /tmp.
 */
public final class LocalImages {
  /** The jlinked runtime under the local stand-in images. */
  public static final String LOCAL_JRE = "loadsuite/jre:local";
  /** The modules the stand-ins use (Undertow, XNIO, Jackson). */
  private static final String MODULES = "java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported";
  private static final Path DISTRIBUTION = Path.of("/usr/bin/docker-registry");
  /**
   * A small heap and the serial collector: a stand-in is small, and its memory is measured
   * against the system's goals.
   */
  private static final List<String> STAND_IN_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAM=512m",
      "-XX:TieredStopAtLevel=1");
  private static final Path WORK = Path.of("target", "images");
  /** What every stand-in may use besides its own package (ArchitectureTest holds them to it). */
  public static final List<String> SHARED_PACKAGES = List.of("loadsuite.standin", "loadsuite.oci", "loadsuite.http");
  /** A stand-in package's tests and their helpers (named *Test, *TestClient), which its image leaves out. */
  public static final java.util.regex.Pattern TEST_CLASS = java.util.regex.Pattern.compile(".*(Test|TestClient)(\\$.*)?\\.class");

  private LocalImages() {}

  public static void main(String[] args) {
    try {
      ContainerSettings settings = ContainerSettings.read(Targets.load().sut().section("container"));
      ContainerEngine.connect();
      boolean local = settings.images() == ContainerSettings.Images.LOCAL;
      String base = local ? LOCAL_JRE : settings.jreImage();
      Map<String, Context> images = new LinkedHashMap<>();
      if (local) {
        images.put(LOCAL_JRE, jreContext());
      }
      for (SystemSpec system : SystemCatalog.all()) {
        for (Service service : system.services()) {
          String image = settings.service(system.containerKey(service)).image(settings.images());
          switch (service.localImage()) {
            case STAND_IN -> images.putIfAbsent(image, standInContext(service.standInClass(), base));
            // public mode pulls Distribution's own image (registry:2)
            case DISTRIBUTION -> {
              if (local) {
                images.putIfAbsent(image, distributionContext());
              }
            }
          }
        }
      }
      images.forEach(LocalImages::build);
      System.out.println("built " + String.join(", ", images.keySet()) + "; run with -Dsut.mode=container -Dsut.container.images="
          + settings.images().key());
    } catch (TargetsException | SutUnavailableException | IllegalStateException | UncheckedIOException e) {
      System.err.println("\nNO IMAGE BUILT: " + e.getMessage() + "\n");
      System.exit(1);
    }
  }

  /** A build context: a Dockerfile and a folder whose files go into the image. */
  private record Context(String dockerfile, Path folder) {}

  private static void build(String image, Context context) {
    long start = System.nanoTime();
    try {
      new ImageFromDockerfile(image, false)
          .withFileFromString("Dockerfile", context.dockerfile())
          .withFileFromPath("files", context.folder())
          .get();
    } catch (RuntimeException e) {
      throw new IllegalStateException("building " + image + " failed: " + e.getMessage(), e);
    }
    System.out.printf(Locale.ROOT, "%s built in %.1f s%n", image, (System.nanoTime() - start) / 1e9);
  }

  private static Context jreContext() {
    Path files = fresh("jre");
    Path java = files.resolve("opt/java");
    ToolProvider jlink = ToolProvider.findFirst("jlink")
        .orElseThrow(() -> new IllegalStateException("jlink is missing: run Maven with a full JDK (not a JRE)"));
    int exit = jlink.run(System.out, System.err, "--add-modules", MODULES, "--strip-debug", "--no-header-files",
        "--no-man-pages", "--compress=2", "--output", java.toString());
    if (exit != 0) {
      throw new IllegalStateException("jlink failed with exit code " + exit);
    }
    List<Path> programs = new ArrayList<>(List.of(java.resolve("bin/java")));
    try (Stream<Path> libraries = Files.walk(java.resolve("lib"))) {
      libraries.filter(p -> p.toString().endsWith(".so")).forEach(programs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // native libraries a stand-in's jar unpacks at run time (sqlite-jdbc's needs libpthread.so.0)
    programs.addAll(nativeLibrariesOfStandInJars());
    copyLibraries(programs, files);
    write(files.resolve("etc/passwd"), "root:x:0:0:root:/:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n");
    write(files.resolve("tmp/.keep"), "");
    return new Context(dockerfile("scratch", "ENV PATH=/opt/java/bin JAVA_HOME=/opt/java"), files);
  }

  /** The .so files inside the stand-ins' jars, unpacked so that ldd can list what they load. */
  private static List<Path> nativeLibrariesOfStandInJars() {
    Path folder = fresh("native");
    List<Path> unpacked = new ArrayList<>();
    for (Path jar : standInJars()) {
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
        for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
          if (!entry.isDirectory() && entry.getName().endsWith(".so")) {
            Path target = folder.resolve(entry.getName());
            Files.createDirectories(target.getParent());
            try (java.io.InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, target);
            }
            unpacked.add(target);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + jar, e);
      }
    }
    return unpacked;
  }

  /** The jars of the stand-ins: the compile scope of pom.xml, as target/stand-in.classpath lists it. */
  private static List<Path> standInJars() {
    Path classpath = Path.of("target", "stand-in.classpath");
    if (!Files.isRegularFile(classpath)) {
      throw new IllegalStateException("target/stand-in.classpath is missing: run ./mvnw test-compile exec:java@images (test-compile first)");
    }
    return java.util.Arrays.stream(read(classpath).strip().split(java.io.File.pathSeparator)).map(Path::of).toList();
  }

  private static Context distributionContext() {
    if (!Files.isExecutable(DISTRIBUTION)) {
      throw new IllegalStateException(DISTRIBUTION + " is missing: install Debian's package docker-registry"
          + " (apt-get install docker-registry)");
    }
    Path files = fresh("distribution");
    copy(DISTRIBUTION, files.resolve("bin/registry"));
    copyLibraries(List.of(DISTRIBUTION), files);
    // as registry:2 ships it: filesystem storage, deletes allowed, no auth; REGISTRY_HTTP_ADDR sets the address
    write(files.resolve("etc/docker/registry/config.yml"), String.join("\n",
        "version: 0.1",
        "log:",
        "  fields:",
        "    service: registry",
        "storage:",
        "  filesystem:",
        "    rootdirectory: /var/lib/registry",
        "  delete:",
        "    enabled: true",
        "http:",
        "  addr: :5000",
        ""));
    write(files.resolve("var/lib/registry/.keep"), "");
    write(files.resolve("tmp/.keep"), "");
    return new Context(dockerfile("scratch", "ENTRYPOINT [\"/bin/registry\"]",
        "CMD [\"serve\", \"/etc/docker/registry/config.yml\"]"), files);
  }

  /**
   * A stand-in's image: exactly its own package, the shared stand-in packages ({@link #SHARED_PACKAGES})
   * and the stand-ins' jars (the compile scope of pom.xml), with the stand-in's {@code main} as entry point.
   */
  private static Context standInContext(Class<?> standIn, String base) {
    Path files = fresh("stand-in-" + standIn.getSimpleName());
    Path classes = Path.of("target", "test-classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("target/test-classes is missing: run ./mvnw test-compile exec:java@images (test-compile first)");
    }
    List<String> packages = new ArrayList<>(SHARED_PACKAGES);
    packages.add(standIn.getPackageName());
    for (String pkg : packages) {
      String folder = pkg.replace('.', '/');
      copyFiles(classes.resolve(folder), files.resolve("app/classes").resolve(folder));
    }
    for (Path jar : standInJars()) {
      copy(jar, files.resolve("app/lib").resolve(jar.getFileName()));
    }
    List<String> entrypoint = new ArrayList<>(List.of("java"));
    entrypoint.addAll(STAND_IN_JVM);
    entrypoint.addAll(List.of("-cp", "/app/classes:/app/lib/*", standIn.getName()));
    return new Context(dockerfile(base,
        "ENTRYPOINT [" + String.join(", ", entrypoint.stream().map(a -> "\"" + a + "\"").toList()) + "]",
        "CMD [\"127.0.0.1\", \"8080\"]"), files);
  }

  /** A Dockerfile that puts the context's files/ folder at the root of {@code base}, then {@code instructions}. */
  private static String dockerfile(String base, String... instructions) {
    List<String> lines = new ArrayList<>(List.of("FROM " + base, "COPY files/ /"));
    lines.addAll(List.of(instructions));
    return String.join("\n", lines) + "\n";
  }

  private static void copyLibraries(List<Path> programs, Path files) {
    Path own = files.toAbsolutePath();
    for (Path library : SharedLibraries.of(programs)) {
      // the runtime's own libraries (libjli.so) are in it already
      if (!library.normalize().startsWith(own)) {
        copy(library, files.resolve(library.toString().substring(1)));
      }
    }
  }

  private static Path fresh(String name) {
    Path folder = WORK.resolve(name);
    try {
      if (Files.exists(folder)) {
        try (Stream<Path> old = Files.walk(folder)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + folder, e);
    }
  }

  /** The classes of one package's folder, not those of its sub-packages nor its tests. */
  private static void copyFiles(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !TEST_CLASS.matcher(f.getFileName().toString()).matches()).toList()) {
        copy(file, to.resolve(file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + from, e);
    }
  }

  /** Copies the file's content (following links) with its permissions. */
  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
