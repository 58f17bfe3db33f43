/** Phone calls in the console: the list, a call's page with hang up, and calling a number with a voice agent. */
package ai.zelto.adapters.web.phone;
