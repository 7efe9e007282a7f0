package loadsuite.nebulagc;

import static io.gatling.javaapi.core.CoreDsl.exec;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import loadsuite.load.PacedConnections;
import loadsuite.load.RunId;
import loadsuite.suite.Load;
import loadsuite.suite.SuiteSimulation;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;

/**
 * A simulation of NebulaGC (seed 004). Its load runs over a fleet ({@link FleetPlan}): before the
 * load, the preparation creates the workload's nodes through the admin API and sets up what the
 * load reads; each virtual user sends as its node, from one of the client addresses.
 */
abstract class NebulaSimulation extends SuiteSimulation {
  /** What a workload puts into the server besides its nodes, before the load; what it shares goes to every virtual user. */
  @FunctionalInterface
  interface Setup {
    void prepare(NebulaAdmin admin, PreparedFleet fleet, NebulaCredentials credentials);
  }

  static final Setup NOTHING_MORE = (admin, fleet, credentials) -> {};

  NebulaSimulation() {
    super(NebulaSystem.SPEC);
  }

  /** The load of {@code iteration} over the fleet of {@code plan}, prepared with its nodes and {@code setup}. */
  final Load overFleet(String title, FleetPlan plan, PacedConnections.Iteration iteration, Setup setup) {
    AtomicReference<PreparedFleet> prepared = new AtomicReference<>();
    return Load.of(title, iteration)
        .preparing(system -> prepared.set(prepare(system, plan, setup)))
        .withProtocol(protocol -> protocol.localAddresses(plan.addresses()))
        .feeding(() -> prepared.get().records());
  }

  /** Downloads of a bundle of {@code bundle-size} uploaded before the load, with their data rate in the report. */
  final Load bundleDownloads(String title, NebulaKeys.Bundles keys) {
    byte[] bundle = NebulaBundle.generate(keys.bundleSize(), 0);
    return overFleet(title + " (" + bundle.length + " bytes)", keys.fleet(),
            () -> exec(NebulaRequests.downloadBundle(bundle.length)),
            uploading(bundle, version -> Map.of(NebulaRequests.BUNDLE_VERSION, version)))
        .transferring(NebulaRequests.DOWNLOAD_BUNDLE, bundle.length);
  }

  /** A setup that uploads {@code bundle} last (so that its version is the cluster's) and feeds {@code version(v)}. */
  static Setup uploading(byte[] bundle, java.util.function.LongFunction<Map<String, Object>> version) {
    return (admin, fleet, credentials) -> fleet.shareAll(version.apply(admin.uploadBundle(bundle)));
  }

  private PreparedFleet prepare(RunningSystem system, FleetPlan plan, Setup setup) {
    NebulaCredentials credentials = NebulaCredentials.of(system);
    requireLoopback(system.baseUrl());
    System.out.printf("%nThe NebulaGC fleet of %s, under the server's rate limits:%n", workload().path());
    plan.lines().forEach(line -> System.out.println("  " + line));
    System.out.printf("  prepared through the admin API from 127.0.0.1 at %.0f requests/s (%.1f s for the nodes) with the %s%n",
        NebulaAdmin.RATE, NebulaAdmin.timeToCreate(plan.nodes()).toMillis() / 1000.0, credentials.describe());
    long started = System.nanoTime();
    NebulaAdmin admin = new NebulaAdmin(system.baseUrl(), credentials, "loadtest-" + RunId.VALUE + "-" + workload().name());
    PreparedFleet fleet = new PreparedFleet(admin.createNodes("node", plan.nodes(), plan.traffic().adminNodes()));
    setup.prepare(admin, fleet, credentials);
    System.out.printf("  prepared in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return fleet;
  }

  /** The client addresses are loopback ones: the server must listen on loopback to be reached from them. */
  private static void requireLoopback(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new SutUnavailableException("the NebulaGC at " + baseUrl + " is not on loopback: the load's client addresses are"
            + " 127.0.0.2 on (one machine spreading its connections to stay under the per-IP limit). No load was sent.");
      }
    } catch (UnknownHostException e) {
      throw new SutUnavailableException("the NebulaGC host " + host + " cannot be resolved: " + e.getMessage() + ". No load was sent.", e);
    }
  }
}
