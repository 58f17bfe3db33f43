/** Blob storage adapters: files under the data directory. Implements the application's BlobStore port. */
package ai.zelto.adapters.storage;
