package ai.zelto.application.port.in;

/** Breaks "a use case is an interface", for the rule's canary. Never used. */
public final class CanaryUseCase {
}
