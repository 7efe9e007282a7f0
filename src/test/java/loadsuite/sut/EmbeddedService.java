package loadsuite.sut;

import loadsuite.standin.StandIn;

/** A stand-in running inside Gatling's JVM on a free loopback port. */
public record EmbeddedService(StandIn standIn) implements RunningService {
  @Override
  public String baseUrl() {
    return standIn.baseUrl();
  }

  @Override
  public String mode() {
    return "embedded";
  }

  @Override
  public String description() {
    return "embedded " + standIn.description();
  }

  @Override
  public void close() {
    standIn.close();
  }
}
