/** Freightliner (seed 003): replication between two registries through its data path and its job API. */
package loadsuite.freightliner;
