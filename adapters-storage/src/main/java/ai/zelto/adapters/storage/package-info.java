/** Blob storage adapters: files under the data directory, or an S3-compatible bucket. Implement the BlobStore port. */
package ai.zelto.adapters.storage;
