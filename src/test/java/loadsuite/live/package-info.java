/** A run watched as it runs: its live figures in Prometheus' format (-Dmetrics.port) and the stop criteria judged on them. */
package loadsuite.live;
