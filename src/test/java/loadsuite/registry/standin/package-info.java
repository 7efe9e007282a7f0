/** An embedded stand-in of an OCI distribution registry. */
package loadsuite.registry.standin;
