package loadsuite.load;

/**
 * The run's id in the names of the data it creates on the system (repositories, nodes): the
 * start time in base 36, with the injector ({@code -i2of3}) when several share the load, so that
 * neither runs nor injectors of one run ever meet.
 */
public final class RunId {
  public static final String VALUE = Long.toString(System.currentTimeMillis(), 36) + Injector.current().nameSuffix();

  private RunId() {}
}
