/** The API reference page, with its request playground. */
package ai.zelto.adapters.web.reference;
