/** An embedded stand-in of the Gati runtime. */
package loadsuite.runtime.standin;
