/** The webhook endpoint that receives calls from every provider. Calls only the ingestion driving ports. */
package ai.zelto.adapters.http.ingest;
