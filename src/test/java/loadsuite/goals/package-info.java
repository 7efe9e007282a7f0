/** Stage 2, the goals of a plan: targets.conf goals turned into Gatling assertions judged on exact figures, and the sample sizes percentiles need. */
package loadsuite.goals;
