/** An embedded stand-in of the NebulaGC server over SQLite. */
package loadsuite.nebulagc.standin;
