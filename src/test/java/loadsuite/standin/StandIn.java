package loadsuite.standin;

/**
 * A running stand-in: a small real server that speaks a system's wire protocol, on loopback.
 * The suite wraps it as an embedded system under test; its own {@code main} runs it alone (for
 * wrk, for external mode, and as the program of its container image).
 */
public interface StandIn extends AutoCloseable {
  /** The base URL it answers on, such as {@code http://127.0.0.1:41234}. */
  String baseUrl();

  /** What it is, for the run's log and report: "runtime stand-in at http://127.0.0.1:41234". */
  String description();

  /** Stops taking requests, lets those in flight finish, and frees what it holds. */
  @Override
  void close();

  /** Starts a stand-in on a loopback address; port 0 picks a free port. */
  @FunctionalInterface
  interface Factory {
    StandIn start(String host, int port);
  }
}
