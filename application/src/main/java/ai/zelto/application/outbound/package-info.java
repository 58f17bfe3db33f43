/** Rules for connections Zelto makes to addresses its users gave it. */
package ai.zelto.application.outbound;
