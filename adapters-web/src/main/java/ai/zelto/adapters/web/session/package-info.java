/**
 * Who is asking: the session cookie resumed into a {@link ai.zelto.adapters.web.session.Visitor}, the CSRF and
 * Origin checks of every state-changing request, and the cookies themselves.
 */
package ai.zelto.adapters.web.session;
