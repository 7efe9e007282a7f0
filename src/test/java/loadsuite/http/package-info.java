/** HTTP plumbing every stage shares: the suite's own HTTP/1.1 clients and base-URL joining. */
package loadsuite.http;
