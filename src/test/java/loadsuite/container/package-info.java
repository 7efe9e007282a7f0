/** Stage 3, container mode: the engine, the images built here, containers started for a run and their resource probes. */
package loadsuite.container;
