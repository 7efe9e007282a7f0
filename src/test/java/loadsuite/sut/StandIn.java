package loadsuite.sut;

/** Starts a system's embedded stand-in on a loopback address; port 0 picks a free port. */
@FunctionalInterface
public interface StandIn {
  SystemUnderTest start(String host, int port);
}
