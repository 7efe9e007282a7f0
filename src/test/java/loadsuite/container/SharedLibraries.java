package loadsuite.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared libraries that programs load, as {@code ldd} lists them: what a FROM scratch image must carry. */
final class SharedLibraries {
  /** "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" and "/lib64/ld-linux-x86-64.so.2 (0x…)". */
  private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

  private SharedLibraries() {}

  static Set<Path> of(Collection<Path> programs) {
    Set<Path> libraries = new TreeSet<>();
    for (Path program : programs) {
      libraries.addAll(parse(ldd(program)));
    }
    return libraries;
  }

  static Set<Path> parse(String lddOutput) {
    Set<Path> libraries = new TreeSet<>();
    for (String line : lddOutput.lines().toList()) {
      Matcher m = LIBRARY.matcher(line);
      if (m.find()) {
        libraries.add(Path.of(m.group(1)));
      }
    }
    return libraries;
  }

  private static String ldd(Path program) {
    try {
      Process ldd = new ProcessBuilder(List.of("ldd", program.toString())).redirectErrorStream(true).start();
      String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = ldd.waitFor();
      // ldd exits 1 for a file that is not dynamically linked (a jar's .so of another platform, say): nothing to add
      if (exit != 0 && !output.contains("not a dynamic executable")) {
        throw new IllegalStateException("ldd " + program + " failed: " + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("ldd (Debian package libc-bin) is needed to build the local images: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running ldd " + program, e);
    }
  }
}
