/** A run's simulation.log, record by record: read for the exact figures and the merge, written for merged runs. */
package loadsuite.log;
