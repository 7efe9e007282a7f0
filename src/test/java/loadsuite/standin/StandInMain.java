package loadsuite.standin;

import java.util.concurrent.CountDownLatch;

/**
 * What every stand-in's {@code main} does: {@code <stand-in class> [host] [port]} (default
 * 127.0.0.1 and a free port) starts it, prints "… ready", and stops it on SIGTERM or Ctrl-C.
 */
public final class StandInMain {
  private StandInMain() {}

  public static void run(String[] args, StandIn.Factory factory) throws InterruptedException {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port;
    try {
      port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    } catch (NumberFormatException e) {
      System.err.println("usage: [host] [port]; '" + args[1] + "' is not a port number");
      System.exit(64);
      return;
    }
    StandIn standIn = factory.start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      standIn.close();
      stopped.countDown();
    }));
    System.out.println(standIn.description() + " ready");
    stopped.await();
  }
}
