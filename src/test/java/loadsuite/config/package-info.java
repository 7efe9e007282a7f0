/** Stage 1, configuration: targets.conf and the -D options read and validated, with the units their values carry. */
package loadsuite.config;
