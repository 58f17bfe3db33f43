/**
 * Credits: amounts, and the pricing rule that turns a conversation into its single charge. The ledger that
 * records grants and charges is a port of the application.
 */
package ai.zelto.domain.credit;
