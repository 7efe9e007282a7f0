package loadsuite.suite;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;
import loadsuite.container.ContainerService;
import loadsuite.container.ContainerSettings;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.sut.BalancedService;
import loadsuite.sut.Balancer;
import loadsuite.sut.EmbeddedService;
import loadsuite.sut.ExternalService;
import loadsuite.sut.RunningService;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutMode;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/**
 * The one place that turns the {@code sut} settings into a running system under test: every
 * service of the system in the chosen mode, except those given a URL in {@code sut.urls}, which
 * are used where they run (a stand-in beside a real registry, say).
 */
public final class SystemsUnderTest {
  private SystemsUnderTest() {}

  /** The {@code sut} block as read and checked for one system. */
  private record Settings(SutMode mode, Map<String, String> external, List<String> instanceUrls, ContainerSettings containers,
      Duration timeout) {}

  /** Reads and checks the whole {@code sut} block for {@code system}, starting nothing: bad input stops here. */
  public static void check(Section sut, SystemSpec system) {
    read(sut, system);
  }

  /** Reads and checks the whole {@code sut} block, then starts or reaches each service in order. */
  public static RunningSystem start(Section sut, SystemSpec system, Workload workload) {
    Settings settings = read(sut, system);
    if (workload.shape() instanceof Shape.Scaling scaling) {
      return startBalanced(settings, system, workload, scaling);
    }
    if (settings.mode() == SutMode.EXTERNAL && system.hasOneService() && !settings.external().containsKey(system.primary().name())) {
      throw new TargetsException("sut.mode=external needs the system's address: add -Dsut.url=http://host:port");
    }
    Map<String, RunningService> started = new LinkedHashMap<>();
    try {
      for (Service service : system.services()) {
        started.put(service.name(), startService(system, service, settings.mode(), settings.external(), settings.containers(),
            settings.timeout(), workload));
      }
    } catch (RuntimeException e) {
      RunningSystem.stopAll(new ArrayList<>(started.values()));
      throw e;
    }
    return new RunningSystem(system.name(), started);
  }

  /**
   * A scaling workload: as many instances of its system's one service as its most count, started
   * in the chosen mode (or, in external mode, the user's at {@code sut.instance-urls}), behind the
   * suite's HAProxy. A missing HAProxy stops the run before anything is started.
   */
  private static RunningSystem startBalanced(Settings settings, SystemSpec system, Workload workload, Shape.Scaling scaling) {
    if (!system.hasOneService()) {
      throw new TargetsException(workload.path() + ": a scaling workload balances instances of a system of one service; the "
          + system.name() + " system has " + String.join(", ", system.serviceNames()));
    }
    Balancer.program();
    Service service = system.primary();
    int most = scaling.instances().get(scaling.instances().size() - 1);
    if (settings.mode() == SutMode.EXTERNAL && settings.instanceUrls().size() < most) {
      throw new TargetsException("sut.instance-urls: " + workload.path() + " needs the base URLs of " + most + " running instances"
          + " (its most), got " + settings.instanceUrls().size() + ": give them all (-Dsut.instance-urls=http://127.0.0.1:3000,"
          + "http://127.0.0.1:3001,…) or lower " + workload.path() + ".instances");
    }
    List<RunningService> instances = new ArrayList<>();
    try {
      for (int i = 0; i < most; i++) {
        instances.add(settings.mode() == SutMode.EXTERNAL
            ? ExternalService.check(settings.instanceUrls().get(i), system.label(service), "sut.instance-urls", service.healthPath(),
                settings.timeout())
            : startService(system, service, settings.mode(), Map.of(), settings.containers(), settings.timeout(), workload));
      }
      Balancer balancer = Balancer.start(instances.stream().map(RunningService::baseUrl).toList(), scaling.instances(),
          service.healthPath());
      return new RunningSystem(system.name(), Map.of(service.name(), new BalancedService(instances, balancer)));
    } catch (RuntimeException e) {
      RunningSystem.stopAll(instances);
      throw e;
    }
  }

  private static Settings read(Section sut, SystemSpec system) {
    String modeText = sut.string("mode");
    SutMode mode = SutMode.parse(modeText);
    if (mode == null) {
      throw sut.error("mode", "one of " + SutMode.names() + " (-Dsut.mode=…)");
    }
    String url = sut.string("url");
    Map<String, String> urls = sut.stringMap("urls");
    List<String> instanceUrls = new ArrayList<>();
    for (String instanceUrl : String.join(",", sut.stringList("instance-urls")).split(",")) {
      if (!instanceUrl.isBlank()) {
        instanceUrls.add(checkUrl(sut, "instance-urls", instanceUrl.trim()));
      }
    }
    Duration timeout = sut.duration("connect-timeout");
    ContainerSettings containers = ContainerSettings.read(sut.section("container"));
    checkCredentials(sut);
    sut.rejectUnknownKeys();
    return new Settings(mode, externalUrls(sut, system, mode, url, urls, !instanceUrls.isEmpty()), instanceUrls, containers, timeout);
  }

  private static RunningService startService(SystemSpec system, Service service, SutMode mode, Map<String, String> external,
      ContainerSettings containers, Duration timeout, Workload workload) {
    String label = system.label(service);
    if (external.containsKey(service.name())) {
      String property = system.hasOneService() && mode == SutMode.EXTERNAL ? "sut.url" : "sut.urls." + service.name();
      return ExternalService.check(external.get(service.name()), label, property, service.healthPath(), timeout);
    }
    return switch (mode) {
      case EMBEDDED -> new EmbeddedService(service.standIn().start("127.0.0.1", 0, workload));
      case CONTAINER -> ContainerService.start(containers, system.containerKey(service), label, service.healthPath(),
          service.containerEnv().of(workload));
      case EXTERNAL -> throw new IllegalStateException("external services are all in the URL map");
    };
  }

  /**
   * The services used where they run: in external mode all of them, else those named in {@code
   * sut.urls}; a system of one service given only {@code sut.instance-urls} (for a scaling workload) has none here.
   */
  private static Map<String, String> externalUrls(Section sut, SystemSpec system, SutMode mode, String url, Map<String, String> urls,
      boolean instanceUrls) {
    for (String service : urls.keySet()) {
      if (!system.serviceNames().contains(service)) {
        throw new TargetsException("sut.urls." + service + ": the " + system.name() + " system has no service '" + service
            + "'; its services are " + String.join(", ", system.serviceNames()));
      }
    }
    Map<String, String> external = new LinkedHashMap<>();
    urls.forEach((service, value) -> external.put(service, checkUrl(sut, "urls." + service, value)));
    if (mode != SutMode.EXTERNAL) {
      return external;
    }
    if (system.hasOneService()) {
      String service = system.primary().name();
      if (!url.isBlank()) {
        external.put(service, checkUrl(sut, "url", url));
      }
      if (!external.containsKey(service) && !instanceUrls) {
        throw new TargetsException("sut.mode=external needs the system's address: add -Dsut.url=http://host:port");
      }
      return external;
    }
    if (!url.isBlank()) {
      throw sut.error("url", "left empty for the " + system.name() + " system, which has several services: give each its"
          + " own -Dsut.urls.<service>=http://host:port (" + String.join(", ", system.serviceNames()) + ")");
    }
    List<String> missing = system.serviceNames().stream().filter(s -> !external.containsKey(s)).toList();
    if (!missing.isEmpty()) {
      throw new TargetsException("sut.mode=external needs the address of every service of the " + system.name() + " system: add "
          + String.join(" ", missing.stream().map(s -> "-Dsut.urls." + s + "=http://host:port").toList()));
    }
    return external;
  }

  /**
   * {@code sut.credentials.<system>.<name>}: secrets a system's own code reads to reach a real
   * system (an external one's tokens, say), which it never prints in full. Only their shape is
   * checked here: an object of strings per system.
   */
  private static void checkCredentials(Section sut) {
    if (sut.has("credentials")) {
      Section credentials = sut.section("credentials");
      for (String system : credentials.keys()) {
        credentials.stringMap(system);
      }
    }
  }

  private static String checkUrl(Section sut, String key, String url) {
    String expected = "an http:// or https:// URL with a host, such as http://127.0.0.1:3000";
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new TargetsException("'sut." + key + "' must be " + expected + ", got '" + url + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new TargetsException("'sut." + key + "' must be " + expected + ", got '" + url + "'");
    }
    return url;
  }
}
