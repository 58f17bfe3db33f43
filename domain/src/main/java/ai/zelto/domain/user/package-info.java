/**
 * People who sign in to the console: their role in their organization, what each role may do, and the rules for
 * emails and passwords. How passwords are hashed and sessions kept is the application's and its adapters'.
 */
package ai.zelto.domain.user;
