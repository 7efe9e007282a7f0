/** A minimal OCI registry client, for the preparation of registry data and the images the suite builds. */
package loadsuite.oci;
