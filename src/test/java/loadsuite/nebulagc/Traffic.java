package loadsuite.nebulagc;

/**
 * What one iteration of a workload sends, counted by the real server's rate-limit groups: requests
 * on {@code /config}, {@code /nodes} and {@code /routes} (each limited per node), on
 * {@code /topology} (limited per cluster); every request also counts against its client IP. A
 * share below 1 is an average (a mix); {@code adminNodes} when the virtual users' nodes must be
 * admin nodes (the {@code /nodes} routes are the admin's).
 */
record Traffic(double config, double nodes, double routes, double topology, boolean adminNodes) {
  /** A version check, or a bundle download. */
  static final Traffic ONE_CONFIG_REQUEST = new Traffic(1, 0, 0, 0, false);
  /** A daemon's poll: a version check, then a bundle request with {@code current_version}. */
  static final Traffic POLL = new Traffic(2, 0, 0, 0, false);
  /** Create, list, change the MTU, rotate the token, delete: all {@code /nodes} routes of an admin node. */
  static final Traffic NODE_CRUD = new Traffic(0, 5, 0, 0, true);
  /** The topology with the cluster token, then the node's routes and the cluster's with the node token. */
  static final Traffic TOPOLOGY = new Traffic(0, 0, 2, 1, false);

  /** Reads ({@code 1 - writeShare}) split between version checks and route reads; writes are route updates. */
  static Traffic mixed(double writeShare) {
    double reads = 1 - writeShare;
    return new Traffic(reads / 2, 0, reads / 2 + writeShare, 0, false);
  }

  /** Requests per iteration, all groups: what the per-IP limit counts. */
  double requests() {
    return config + nodes + routes + topology;
  }
}
