package loadsuite.load;

import com.typesafe.scalalogging.Logger;
import com.typesafe.scalalogging.Logger$;
import io.gatling.core.action.Action;

/** A Gatling action written in Java: its name, and the logger Gatling's Scala trait asks for. */
abstract class GatlingAction implements Action {
  private static final Logger LOGGER = Logger$.MODULE$.apply(GatlingAction.class);

  private final String name;

  GatlingAction(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Logger logger() {
    return LOGGER;
  }

  @Override
  public final void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    // the logger is the static one above
  }
}
