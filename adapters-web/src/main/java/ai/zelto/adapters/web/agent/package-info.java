/** The Agents list and an agent's page: its versions side by side and its recent calls. */
package ai.zelto.adapters.web.agent;
