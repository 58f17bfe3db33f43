/**
 * The HTTP edge below Jersey: a servlet filter for both ports and Jetty's error handler, so that what the servlet
 * layer and Jetty answer themselves has the same JSON error body and security headers as the API.
 */
package ai.zelto.adapters.http.servlet;
