/** The run itself, from Gatling's side: a simulation's base class, reading the plan, starting the system, recording the results. */
package loadsuite.suite;
