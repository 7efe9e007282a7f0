/** Stage 4, results: a run's plan.json and log turned into exact figures, verdicts, summary.json, JUnit, history, baselines and the suite page. */
package loadsuite.results;
