/** An embedded stand-in of the packs registry over SQLite. */
package loadsuite.packs.standin;
