/**
 * Agents and the ways a call refers to one. Find-or-create is a repository operation; the rules of naming
 * and of reference precedence live here.
 */
package ai.zelto.domain.agent;
