/** The suite's top: its one list of systems ({@link loadsuite.Systems}) and what tests share across systems. */
package loadsuite;
