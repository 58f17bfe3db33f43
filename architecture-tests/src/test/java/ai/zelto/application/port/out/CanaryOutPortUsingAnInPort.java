package ai.zelto.application.port.out;

import ai.zelto.application.port.in.apikey.AuthenticatedKey;

/** Breaks "driven ports never depend on driving ports", for the rule's canary. Never used. */
public interface CanaryOutPortUsingAnInPort {
    AuthenticatedKey whoCalls();
}
