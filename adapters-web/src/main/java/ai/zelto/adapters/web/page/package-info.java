/**
 * How a page becomes HTML: the {@link ai.zelto.adapters.web.page.Page} a resource returns, the jte engine that
 * renders it, the layout's model, the fingerprinted static assets and the security headers of every answer.
 */
package ai.zelto.adapters.web.page;
