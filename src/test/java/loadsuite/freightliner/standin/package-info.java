/** An embedded stand-in of Freightliner's job API. */
package loadsuite.freightliner.standin;
