/** Signing in and out, and the one-time setup page where a person sets their login. */
package ai.zelto.adapters.web.signin;
