package ai.zelto.application.port.in.people;

/** @param email null to keep the email the person already has */
public record CompleteSetupCommand(String token, String email, String displayName, String password) {
    @Override
    public String toString() {
        return "CompleteSetupCommand[email=" + email + "]";
    }
}
