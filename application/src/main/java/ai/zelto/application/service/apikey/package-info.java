/** API key use cases: authentication of presented keys and creation of new ones. */
package ai.zelto.application.service.apikey;
