/** The Credits page: the balance, and the grants and charges behind it. */
package ai.zelto.adapters.web.credit;
