/** The background loop that drives the durable queues (deliveries, jobs). Knows nothing of what a step does. */
package ai.zelto.application.service.worker;
