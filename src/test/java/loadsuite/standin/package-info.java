/** The shared base of every embedded stand-in: its HTTP server, its main, its options (shipped in the stand-ins' images). */
package loadsuite.standin;
