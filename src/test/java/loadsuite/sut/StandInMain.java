package loadsuite.sut;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import loadsuite.registry.RegistryStandIn;
import loadsuite.runtime.RuntimeStandIn;

/**
 * Runs a stand-in on its own, outside any simulation: for measuring it with other tools (wrk),
 * for external mode, and as the program of its container image.
 * Usage: {@code StandInMain <system> [host] [port]}; stops on SIGTERM or Ctrl-C.
 */
public final class StandInMain {
  private static final Map<String, StandIn> STAND_INS = Map.of(
      "runtime", RuntimeStandIn::start,
      "registry", RegistryStandIn::start);

  private StandInMain() {}

  public static void main(String[] args) throws InterruptedException {
    StandIn standIn = args.length == 0 ? null : STAND_INS.get(args[0]);
    if (standIn == null) {
      System.err.println("usage: StandInMain <system> [host] [port]   systems: " + String.join(", ", STAND_INS.keySet()));
      System.exit(64);
    }
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    SystemUnderTest system = standIn.start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      system.close();
      stopped.countDown();
    }));
    System.out.println(system.description() + " ready");
    stopped.await();
  }
}
