package loadsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.runtime.RuntimeSustainedSimulation;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A run sends nothing off the machine (issue 10.4): one simulation, started with the command line
 * {@link GatlingRun} builds, runs in a network namespace where only loopback exists, under
 * {@code strace -f -e trace=connect}; every {@code connect(2)} of the JVM and its threads must go
 * to loopback or a Unix socket. Gatling's own check for a newer release (a look-up of
 * repo1.maven.org, {@code LatestGatlingRelease}) shows here as a connect to the DNS server.
 * Needs root, strace, unshare and ip: skipped without them, except on CI ({@code CI=true}), where
 * it fails.
 */
class OfflineRunTest {
  private static final long TIMEOUT_SECONDS = 180;
  private static final Pattern INET = Pattern.compile("sa_family=AF_INET, sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([^\"]*)\"\\)");
  private static final Pattern INET6 = Pattern.compile("sa_family=AF_INET6, sin6_port=htons\\((\\d+)\\),.*?inet_pton\\(AF_INET6, \"([^\"]*)\"");

  @Test
  void aRunConnectsToLoopbackOnly() throws Exception {
    requireRootStraceAndUnshare();
    Path dir = Files.createDirectories(Path.of("target", "offline-run"));
    long id = System.nanoTime();
    Path trace = dir.resolve("connect-" + id + ".strace");
    Path log = dir.resolve("run-" + id + ".log");
    List<String> command = new ArrayList<>(inLoopbackOnlyNetwork(trace));
    // empty Java preferences: Gatling finds no cached release check and makes its check in this run
    command.addAll(GatlingRun.command(RuntimeSustainedSimulation.class,
        Map.of("profile", "smoke", "java.util.prefs.userRoot", dir.resolve("prefs-" + id).toAbsolutePath().toString())));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail("the run did not end within " + TIMEOUT_SECONDS + " s; its output: " + log);
    }
    String output = Files.readString(log);
    List<String> connects = Files.readAllLines(trace);

    assertThat(process.exitValue()).as("the run's exit status; its output:\n%s", output).isZero();
    assertThat(output).contains("against embedded runtime stand-in at http://127.0.0.1:").contains("Reports generated");
    assertThat(connects).as("strace saw the run's connections to the stand-in (%s)", trace)
        .anyMatch(line -> line.contains("inet_addr(\"127.0.0.1\")") || line.contains("\"::ffff:127.0.0.1\""));
    assertThat(outsideLoopback(connects)).as("connections outside loopback (strace: %s)", trace).isEmpty();
  }

  /** The check of the strace lines can fail: it sees what the run above must not do. */
  @Test
  void theCheckSeesConnectionsOutsideLoopback() {
    // the DNS look-up Gatling's release check makes without the fix; then what a direct connection to
    // repo1.maven.org would show (203.0.113.80: its address as the resolver of the machine this was written on gave it)
    String dns = "7545  connect(137, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.0.0.1\")}, 16) = -1 ENETUNREACH (Network is unreachable)";
    String repo1Mapped = "7576  connect(140, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:203.0.113.80\", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>";
    String repo1 = "7576  connect(141, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"203.0.113.80\")}, 16) = -1 EINPROGRESS (Operation now in progress)";
    String v6 = "7577  connect(142, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:db8::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH";
    String unreadable = "7578  connect(143, {sa_family=AF_INET, sa_data=\"\\0\\0\"}, 16) = 0";
    List<String> loopback = List.of(
        "7601  connect(150, {sa_family=AF_INET, sin_port=htons(41234), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 EINPROGRESS (Operation now in progress)",
        "7601  connect(151, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.1.2.3\")}, 16) = -1 ECONNREFUSED (Connection refused)",
        "7602  connect(152, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:127.0.0.1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS (Operation now in progress)",
        "7603  connect(153, {sa_family=AF_INET6, sin6_port=htons(41234), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
        "7604  connect(5, {sa_family=AF_UNIX, sun_path=\"/var/run/docker.sock\"}, 110) = 0",
        "7605  <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)",
        "7606  connect(7, {sa_family=AF_UNSPEC, sa_data=\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = 0",
        "7607  --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---");

    assertThat(outsideLoopback(loopback)).isEmpty();
    List<String> all = new ArrayList<>(loopback);
    all.addAll(List.of(dns, repo1Mapped, repo1, v6, unreadable));
    assertThat(outsideLoopback(all)).containsExactly(dns, repo1Mapped, repo1, v6, unreadable);
  }

  /**
   * The {@code connect(} lines of an strace log to an IPv4 address outside 127.0.0.0/8 or an IPv6
   * address other than ::1 and ::ffff:127.x.x.x; an Internet address it cannot read counts as
   * outside. Unix sockets, AF_UNSPEC (a UDP socket's disconnect) and other families are local.
   */
  static List<String> outsideLoopback(List<String> straceLines) {
    List<String> outside = new ArrayList<>();
    for (String line : straceLines) {
      if (!line.contains("connect(")) {
        continue;
      }
      if (line.contains("sa_family=AF_INET6")) {
        Matcher m = INET6.matcher(line);
        if (!m.find() || !isLoopback6(m.group(2))) {
          outside.add(line);
        }
      } else if (line.contains("sa_family=AF_INET")) {
        Matcher m = INET.matcher(line);
        if (!m.find() || !m.group(2).startsWith("127.")) {
          outside.add(line);
        }
      }
    }
    return outside;
  }

  private static boolean isLoopback6(String address) {
    String a = address.toLowerCase(java.util.Locale.ROOT);
    return a.equals("::1") || a.startsWith("::ffff:127.");
  }

  /**
   * The words that run a command in a new network namespace with loopback up and nothing else,
   * under strace writing every connect to {@code trace}.
   */
  private static List<String> inLoopbackOnlyNetwork(Path trace) {
    return List.of("unshare", "-n", "sh", "-c", "ip link set lo up && exec strace -f -e trace=connect -o \"$0\" \"$@\"",
        trace.toString());
  }

  private static void requireRootStraceAndUnshare() throws IOException, InterruptedException {
    String missing = null;
    if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
      missing = "it runs as root only (unshare -n): run the tests as root";
    } else if (!onPath("strace") || !onPath("unshare") || !onPath("ip")) {
      missing = "strace, unshare or ip is missing: install the Debian packages strace, util-linux and iproute2";
    } else {
      Path probe = Files.createTempFile("offline-probe", ".log");
      List<String> command = new ArrayList<>(inLoopbackOnlyNetwork(Path.of("/dev/null")));
      command.add("true");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(probe.toFile()).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      if (process.exitValue() != 0) {
        missing = "this machine cannot trace a process in a new network namespace (" + String.join(" ", command) + "): "
            + Files.readString(probe).strip();
      }
      Files.delete(probe);
    }
    if (missing == null) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail(missing);
    }
    System.err.println("skipped: " + missing);
    Assumptions.abort(missing);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
