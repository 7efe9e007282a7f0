package loadsuite.nebulagc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;
import loadsuite.load.Shape;
import loadsuite.nebulagc.standin.RateLimits;

/**
 * How a workload's load stays under the real server's rate limits, as a real fleet's would: its
 * nodes (one per connection, or {@code nodes} of them shared round-robin), created through the
 * admin API before the load, each virtual user sending with its node's token; and its client
 * addresses ({@code client-addresses} loopback source addresses from 127.0.0.2, the connections
 * spread over them). Both are computed from the workload's peak rate and connections so that no
 * limit is used beyond {@link #SHARE} of it (the token buckets' burst absorbs the pacing's jitter);
 * a workload whose numbers cannot fit stops before any load, naming the key to change, unless it
 * says {@code rate-limits = exceed} (a test of the server's limiting: its 429s are failed requests).
 *
 * @param nodes the nodes the preparation creates; virtual user {@code i} sends as node {@code i mod nodes}
 * @param addresses the client addresses; Gatling gives them to the virtual users in turn
 * @param lines the plan, as printed before the load
 */
record FleetPlan(int connections, int nodes, List<String> addresses, boolean exceedsLimits, Traffic traffic, List<String> lines)
    implements loadsuite.system.PlannedPreparation {

  /** Creating the fleet's nodes through the admin API, at the preparation's pace. */
  @Override
  public java.time.Duration preparation() {
    return NebulaAdmin.timeToCreate(nodes);
  }

  /** The share of each limit the plan may use. */
  static final double SHARE = 0.8;
  /** 127.0.0.2 to 127.0.0.254. */
  static final int MAX_ADDRESSES = 253;
  private static final RateLimits LIMITS = RateLimits.DEFAULT;

  FleetPlan {
    addresses = List.copyOf(addresses);
    lines = List.copyOf(lines);
  }

  /** A per-node limit group of the server's router, with this workload's requests on it per iteration. */
  private record Group(String route, double perIteration, RateLimits.Limit limit) {}

  /** Reads {@code nodes}, {@code client-addresses} and {@code rate-limits} and plans the fleet of the workload's shape. */
  static FleetPlan read(Section workload, Traffic traffic) {
    Shape shape = Shape.read(workload);
    boolean burst = shape instanceof Shape.Burst;
    int connections = shape instanceof Shape.Burst b ? b.concurrency() : workload.positiveInt("connections");
    double peak = shape.schedule(Duration.ZERO).peakRate();
    boolean exceed = exceed(workload);
    OptionalInt askedNodes = autoOrCount(workload, "nodes");
    OptionalInt askedAddresses = autoOrCount(workload, "client-addresses");
    if (askedNodes.isPresent() && askedNodes.getAsInt() > connections) {
      throw workload.error("nodes", "auto or at most connections (" + connections + "): a virtual user sends as one node");
    }
    int addressCap = Math.min(connections, MAX_ADDRESSES);
    if (askedAddresses.isPresent() && askedAddresses.getAsInt() > addressCap) {
      throw workload.error("client-addresses", "auto or at most " + addressCap + " (one connection or more each, 127.0.0.2 to 127.0.0.254)");
    }
    return new Planner(workload, shape, burst, connections, peak / connections, exceed, traffic)
        .plan(askedNodes, askedAddresses);
  }

  /** The computation of one plan, keeping its lines and the limits it exceeds. */
  private static final class Planner {
    private final Section workload;
    private final Shape shape;
    private final boolean burst;
    private final int connections;
    private final double perConnection;
    private final boolean exceed;
    private final Traffic traffic;
    private final List<String> lines = new ArrayList<>();
    private final List<String> exceeded = new ArrayList<>();

    Planner(Section workload, Shape shape, boolean burst, int connections, double perConnection, boolean exceed, Traffic traffic) {
      this.workload = workload;
      this.shape = shape;
      this.burst = burst;
      this.connections = connections;
      this.perConnection = perConnection;
      this.exceed = exceed;
      this.traffic = traffic;
    }

    FleetPlan plan(OptionalInt askedNodes, OptionalInt askedAddresses) {
      List<Group> groups = new ArrayList<>();
      groups.add(new Group("/config", traffic.config(), LIMITS.config()));
      groups.add(new Group("/nodes", traffic.nodes(), LIMITS.nodes()));
      groups.add(new Group("/routes", traffic.routes(), LIMITS.routes()));
      groups.removeIf(g -> g.perIteration() == 0);
      int nodes = askedNodes.orElse(connections);
      if (!exceed) {
        for (Group group : groups) {
          if (!nodesFit(group, nodes)) {
            throw tooFewNodes(group, askedNodes.isPresent());
          }
        }
      }
      int sharing = ceilDiv(connections, nodes);
      lines.add(nodes + (traffic.adminNodes() ? " admin node" : " node") + (nodes == 1 ? "" : "s") + (sharing == 1 ? ", one per connection" : ", each shared by up to "
          + sharing + " connections") + ", created before the load");
      for (Group group : groups) {
        double rate = sharing * perConnection * group.perIteration();
        lines.add("  " + group.route() + ": up to " + perSecond(rate) + " per node" + burstText(sharing * group.perIteration())
            + " (server limit " + limitText(group.limit()) + " per node)");
        if (!nodesFit(group, nodes)) {
          exceeded.add(group.route() + " per node");
        }
      }
      planTopology();
      List<String> addresses = planAddresses(askedAddresses);
      lines.add(exceeded.isEmpty()
          ? "sized to use at most " + Math.round(SHARE * 100) + " % of each of the server's limits"
          : "rate-limits = exceed: past the server's limit on " + String.join(", ", exceeded)
              + "; expect 429s, which count as failed requests");
      return new FleetPlan(connections, nodes, addresses, !exceeded.isEmpty(), traffic, lines);
    }

    private boolean nodesFit(Group group, int nodes) {
      int sharing = ceilDiv(connections, nodes);
      return sharing * perConnection * group.perIteration() <= SHARE * group.limit().perSecond()
          && (!burst || sharing * group.perIteration() <= SHARE * group.limit().burst());
    }

    private TargetsException tooFewNodes(Group group, boolean nodesAsked) {
      String why = "the server allows " + limitText(group.limit()) + " per node on " + group.route() + ", and this load plans for "
          + Math.round(SHARE * 100) + " % of it";
      if (nodesAsked) {
        for (int n = 1; n <= connections; n++) {
          if (nodesFit(group, n)) {
            return workload.error("nodes", "at least " + n + " for this load (or auto: one per connection): " + why);
          }
        }
      }
      if (burst) {
        return workload.error("interval", "longer: each connection sends " + fmt(group.perIteration())
            + " requests on " + group.route() + " per burst, too many for one node: " + why);
      }
      int needed = (int) Math.ceil(perConnection * connections * group.perIteration() / (SHARE * group.limit().perSecond()));
      return workload.error("connections", "at least " + needed + " for " + perSecond(perConnection * connections)
          + " (one node each): " + why);
    }

    private void planTopology() {
      if (traffic.topology() == 0) {
        return;
      }
      double rate = perConnection * connections * traffic.topology();
      double burstNeed = burst ? connections * traffic.topology() : 0;
      boolean fits = rate <= SHARE * LIMITS.topology().perSecond() && burstNeed <= SHARE * LIMITS.topology().burst();
      if (!fits && !exceed) {
        throw workload.error(rateKey(), "lower: " + perSecond(rate) + " of topology queries" + burstText(burstNeed)
            + " for the one cluster, and the server allows " + limitText(LIMITS.topology()) + " per cluster (planned to at most "
            + Math.round(SHARE * 100) + " %)");
      }
      lines.add("  /topology: " + perSecond(rate) + burstText(burstNeed) + " for the one cluster (server limit "
          + limitText(LIMITS.topology()) + " per cluster)");
      if (!fits) {
        exceeded.add("/topology per cluster");
      }
    }

    private List<String> planAddresses(OptionalInt asked) {
      int cap = Math.min(connections, MAX_ADDRESSES);
      int count;
      if (asked.isPresent()) {
        count = asked.getAsInt();
        if (!addressesFit(count) && !exceed) {
          int fewest = fewestAddresses(cap);
          throw fewest > 0
              ? workload.error("client-addresses", "at least " + fewest + " for this load (or auto): " + perIpWhy())
              : tooManyPerAddress();
        }
      } else {
        count = fewestAddresses(cap);
        if (count < 0) {
          if (!exceed) {
            throw tooManyPerAddress();
          }
          count = cap;
        }
      }
      int sharing = ceilDiv(connections, count);
      lines.add(count + " client address" + (count == 1 ? " " : "es ") + addressRange(count) + ", up to " + sharing + " connection"
          + (sharing == 1 ? "" : "s") + " and " + perSecond(sharing * perConnection * traffic.requests()) + " each"
          + burstText(sharing * traffic.requests()) + " (server limit " + limitText(LIMITS.perIp()) + " per client IP)");
      if (!addressesFit(count)) {
        exceeded.add("requests per client IP");
      }
      List<String> addresses = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        addresses.add(address(i));
      }
      return addresses;
    }

    private boolean addressesFit(int count) {
      int sharing = ceilDiv(connections, count);
      return sharing * perConnection * traffic.requests() <= SHARE * LIMITS.perIp().perSecond()
          && (!burst || sharing * traffic.requests() <= SHARE * LIMITS.perIp().burst());
    }

    private int fewestAddresses(int cap) {
      for (int count = 1; count <= cap; count++) {
        if (addressesFit(count)) {
          return count;
        }
      }
      return -1;
    }

    private TargetsException tooManyPerAddress() {
      return workload.error("connections", "more, or a lower rate: even " + Math.min(connections, MAX_ADDRESSES)
          + " client addresses (one per connection, at most " + MAX_ADDRESSES + ") carry more than " + perIpWhy());
    }

    private String perIpWhy() {
      return "the server allows " + limitText(LIMITS.perIp()) + " per client IP, and this load plans for " + Math.round(SHARE * 100) + " % of it";
    }

    private String burstText(double atOnce) {
      return burst ? ", " + fmt(atOnce) + " at once" : "";
    }

    /** The key that sets the shape's peak rate. */
    private String rateKey() {
      if (shape instanceof Shape.Spike) {
        return "peak-rate";
      }
      if (shape instanceof Shape.Stress) {
        return "end-rate";
      }
      return shape instanceof Shape.Burst ? "concurrency" : "rate";
    }
  }

  /** The {@code i}-th client address, from 127.0.0.2 (127.0.0.1 is the preparation's). */
  static String address(int i) {
    if (i < 0 || i >= MAX_ADDRESSES) {
      throw new IllegalArgumentException("client address " + i + " is out of 0.." + (MAX_ADDRESSES - 1));
    }
    return "127.0.0." + (i + 2);
  }

  private static String addressRange(int count) {
    return count == 1 ? address(0) : "(" + address(0) + " to " + address(count - 1) + ")";
  }

  /** {@code rate-limits}: respect (default) or exceed. */
  static boolean exceed(Section workload) {
    if (!workload.has("rate-limits")) {
      return false;
    }
    return switch (workload.string("rate-limits").trim()) {
      case "respect" -> false;
      case "exceed" -> true;
      default -> throw workload.error("rate-limits", "respect (the load stays under the server's limits) or exceed (a test of"
          + " the server's limiting: its 429s are failed requests)");
    };
  }

  /** {@code auto} (or absent): empty; else a whole number above zero. */
  private static OptionalInt autoOrCount(Section workload, String key) {
    if (!workload.has(key)) {
      return OptionalInt.empty();
    }
    String text = workload.string(key).trim();
    if (text.equals("auto")) {
      return OptionalInt.empty();
    }
    try {
      int count = Integer.parseInt(text);
      if (count > 0) {
        return OptionalInt.of(count);
      }
    } catch (NumberFormatException e) {
      // the same error as zero
    }
    throw workload.error(key, "auto or a whole number above zero");
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static String limitText(RateLimits.Limit limit) {
    return fmt(limit.perSecond()) + "/s with a burst of " + limit.burst();
  }

  private static String perSecond(double rate) {
    return fmt(rate) + "/s";
  }

  /** A whole number as such, anything else to one decimal. */
  private static String fmt(double value) {
    double tenths = Math.round(value * 10) / 10.0;
    return tenths == Math.rint(tenths) ? Long.toString(Math.round(tenths)) : String.format(Locale.ROOT, "%.1f", tenths);
  }
}
